package taiyi.workbench.ui.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.bench.qwen.RandomQwenCheckpoint;
import taiyi.workbench.inference.GeneratorSettings.DeviceChoice;
import taiyi.workbench.inference.djl.qwen.QwenConfig;
import taiyi.workbench.inference.djl.weights.TensorType;
import taiyi.workbench.learning.training.TrainingRun;

/**
 * Train Adapter in the running workbench: the dialog hands back its folders, the job trains in the
 * background and reports the adapter, and a cancelled job writes no adapter but a checkpoint.
 */
class TrainAdapterJobTest {

    @TempDir
    static Path tmp;
    static Path model;
    static Path round;

    @BeforeAll
    static void modelAndRound() throws Exception {
        model = tmp.resolve("tiny-qwen");
        RandomQwenCheckpoint.writeModel(model, new QwenConfig(64, 4, 2, 128, 151_936, 1e-6, 10_000, 16, 2048, 1.0), 11,
                TensorType.F32, 1);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of(System.getProperty("taiyi.djl.fixtures"),
                "tokenizer/qwen.tiktoken.gz"))); OutputStream out = Files.newOutputStream(model.resolve("qwen.tiktoken"))) {
            in.transferTo(out);
        }
        round = Files.createDirectories(tmp.resolve("round-1"));
        Files.writeString(round.resolve("train.jsonl"),
                "{\"conversation\": [{\"human\": \"Extract the Disease entities:\\nCisplatin caused nephrotoxicity.\", "
                        + "\"assistant\": \"Disease: nephrotoxicity\"}]}\n"
                        + "{\"conversation\": [{\"human\": \"Extract the Chemical entities:\\nCisplatin caused nephrotoxicity.\", "
                        + "\"assistant\": \"Chemical: Cisplatin\"}]}\n",
                StandardCharsets.UTF_8);
    }

    private static TrainingRun.Request request(Path out) {
        return new TrainingRun.Request(model, round, out, null, Map.of("qlora", false, "max_steps", 2,
                "per_device_train_batch_size", 1, "gradient_accumulation_steps", 1, "lora_rank", 4), DeviceChoice.CPU);
    }

    @Test
    void theDialogHandsBackTheFoldersAndTheQloraChoice() {
        Display display = Display.getDefault();
        TrainAdapterDialog dialog = new TrainAdapterDialog(display.getActiveShell(), model.toString());
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            // an output folder is still missing: OK is refused and the dialog says why
            dialog.buttonPressedForTest(IDialogConstants.OK_ID);
            assertNull(dialog.choice());
            dialog.fill(round.toString(), tmp.resolve("from-dialog").toString(), false);
            dialog.buttonPressedForTest(IDialogConstants.OK_ID);
            TrainAdapterDialog.Choice c = dialog.choice();
            assertEquals(model, c.model());
            assertEquals(round, c.round());
            assertFalse(c.qlora());
        } finally {
            dialog.close();
        }
    }

    @Test
    void theJobTrainsAnAdapterInTheBackground() throws Exception {
        Path out = tmp.resolve("adapter-1");
        TrainAdapterJob job = new TrainAdapterJob(request(out));
        job.schedule();
        job.join();
        assertEquals(IStatus.OK, job.getResult().getSeverity(), job.getResult().getMessage());
        assertTrue(job.getResult().getMessage().startsWith("Adapter trained in 2 steps"), job.getResult().getMessage());
        assertTrue(Files.isRegularFile(out.resolve("adapter_model.safetensors")));
        assertTrue(Files.isRegularFile(out.resolve("taiyi-training.json")));
    }

    @Test
    void aCancelledJobWritesNoAdapterButACheckpoint() {
        Path out = tmp.resolve("adapter-cancelled");
        TrainAdapterJob job = new TrainAdapterJob(request(out));
        NullProgressMonitor monitor = new NullProgressMonitor();
        monitor.setCanceled(true);
        IStatus status = job.run(monitor);
        assertEquals(IStatus.CANCEL, status.getSeverity(), status.getMessage());
        assertFalse(Files.exists(out));
        assertTrue(Files.isRegularFile(tmp.resolve(".adapter-cancelled.checkpoint").resolve("state.json")));
    }
}
