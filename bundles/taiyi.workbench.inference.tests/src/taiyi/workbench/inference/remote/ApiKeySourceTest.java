package taiyi.workbench.inference.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/** Which key the workbench's server gets: the named environment variable's when set, else the stored one. */
class ApiKeySourceTest {

    private static final Map<String, String> ENVIRONMENT = Map.of("LAB_KEY", "sk-from-shell", "EMPTY_KEY", "  ");
    private static final Supplier<Optional<ApiKey>> STORED = () -> Optional.of(ApiKey.of("sk-stored", "secure storage"));
    private static final Supplier<Optional<ApiKey>> NOTHING_STORED = Optional::empty;

    private static Optional<ApiKey> choose(String variable, Supplier<Optional<ApiKey>> stored) {
        return ApiKey.fromEnvironmentOrStored(variable, ENVIRONMENT::get, stored);
    }

    @Test
    void aSetVariableWinsWithoutOpeningTheStorage() {
        ApiKey key = choose(" LAB_KEY ", () -> fail("the storage was read although the variable is set")).orElseThrow();
        assertTrue(key.matches("sk-from-shell"));
        assertEquals("environment variable LAB_KEY", key.source());
    }

    @Test
    void theStoredKeyServesWhenTheVariableIsUnsetOrNoneIsNamed() {
        for (String variable : new String[] {"NO_SUCH_KEY", "EMPTY_KEY", "", null}) {
            ApiKey key = choose(variable, STORED).orElseThrow();
            assertTrue(key.matches("sk-stored"), String.valueOf(variable));
            assertEquals("secure storage", key.source());
        }
    }

    @Test
    void withoutEitherANamedVariableIsAnErrorAndNoNameIsNoKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> choose("NO_SUCH_KEY", NOTHING_STORED));
        assertTrue(e.getMessage().contains("NO_SUCH_KEY"), e.getMessage());
        assertEquals(Optional.empty(), choose(null, NOTHING_STORED));
        assertEquals(Optional.empty(), choose(" ", NOTHING_STORED));
    }
}
