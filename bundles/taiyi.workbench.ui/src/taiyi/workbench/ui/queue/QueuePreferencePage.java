package taiyi.workbench.ui.queue;

import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

import taiyi.workbench.learning.queue.QueueStrategies;
import taiyi.workbench.ui.l10n.Messages;

/** Window &gt; Preferences &gt; Taiyi &gt; Queue: how the queue ranks what to curate next. */
public final class QueuePreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public static final String ID = "taiyi.workbench.ui.preferences.queue";

    public QueuePreferencePage() {
        super(GRID);
        setDescription(Messages.QueuePreferencePage_description);
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(QueuePreferences.store());
    }

    @Override
    protected void createFieldEditors() {
        Composite parent = getFieldEditorParent();
        String[][] strategies = QueueStrategies.NAMES.stream().map(n -> new String[] {label(n), n}).toArray(String[][]::new);
        addField(new ComboFieldEditor(QueuePreferences.STRATEGY, Messages.QueuePreferencePage_strategy, strategies, parent));
        addField(new ShareFieldEditor(QueuePreferences.EXPLORATION, Messages.QueuePreferencePage_exploration, parent));
        IntegerFieldEditor warmUp = new IntegerFieldEditor(QueuePreferences.WARM_UP, Messages.QueuePreferencePage_warmUp, parent);
        warmUp.setValidRange(0, 100_000);
        addField(warmUp);
    }

    /** What the strategy combo shows for a strategy. */
    static String label(String strategy) {
        return switch (strategy) {
            case "margin" -> Messages.QueuePreferencePage_margin;
            case "random" -> Messages.QueuePreferencePage_random;
            case "least-confidence" -> Messages.QueuePreferencePage_leastConfidence;
            case "mnlp" -> Messages.QueuePreferencePage_mnlp;
            case "margin-per-token" -> Messages.QueuePreferencePage_marginPerToken;
            case "disagreement" -> Messages.QueuePreferencePage_disagreement;
            case "diversity" -> Messages.QueuePreferencePage_diversity;
            case "cost" -> Messages.QueuePreferencePage_cost;
            default -> strategy;
        };
    }

    /** A share: a number from 0 to 1, refused otherwise with the reason under the title. */
    private static final class ShareFieldEditor extends StringFieldEditor {

        ShareFieldEditor(String name, String label, Composite parent) {
            super(name, label, parent);
            setErrorMessage(Messages.QueuePreferencePage_explorationInvalid);
        }

        @Override
        protected boolean doCheckState() {
            try {
                double v = Double.parseDouble(getStringValue().trim());
                return v >= 0 && v <= 1;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
