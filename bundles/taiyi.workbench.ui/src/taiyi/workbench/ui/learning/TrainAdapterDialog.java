package taiyi.workbench.ui.learning;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.osgi.util.NLS;
import taiyi.workbench.ui.l10n.Messages;

/**
 * Train Adapter: the base model folder, the exported round folder, a new folder for the adapter,
 * and whether the base is kept in NF4 (QLoRA). Everything else comes from the round's recipe.
 */
public final class TrainAdapterDialog extends Dialog {

    /** What the dialog asks for. */
    public record Choice(Path model, Path round, Path out, boolean qlora) {
    }

    private final String initialModel;
    private Text model;
    private Text round;
    private Text out;
    private Button qlora;
    private Label problem;
    private Choice choice;

    public TrainAdapterDialog(Shell parent, String initialModel) {
        super(parent);
        this.initialModel = initialModel == null ? "" : initialModel;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.TrainAdapterDialog_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite grid = new Composite(area, SWT.NONE);
        grid.setLayout(new GridLayout(3, false));
        grid.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        model = folderRow(grid, Messages.TrainAdapterDialog_model, initialModel);
        round = folderRow(grid, Messages.TrainAdapterDialog_round, "");
        out = folderRow(grid, Messages.TrainAdapterDialog_out, "");
        qlora = new Button(grid, SWT.CHECK);
        qlora.setText(Messages.TrainAdapterDialog_qlora);
        qlora.setSelection(true);
        qlora.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        problem = new Label(grid, SWT.WRAP);
        problem.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        return area;
    }

    private Text folderRow(Composite grid, String label, String initial) {
        new Label(grid, SWT.NONE).setText(label);
        Text text = new Text(grid, SWT.BORDER);
        text.setText(initial);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 380;
        text.setLayoutData(data);
        Button browse = new Button(grid, SWT.PUSH);
        browse.setText(Messages.TrainAdapterDialog_browse);
        browse.addListener(SWT.Selection, e -> {
            DirectoryDialog d = new DirectoryDialog(getShell());
            d.setFilterPath(text.getText());
            String chosen = d.open();
            if (chosen != null) {
                text.setText(chosen);
            }
        });
        return text;
    }

    @Override
    protected void okPressed() {
        Path m = Path.of(model.getText().trim());
        Path r = Path.of(round.getText().trim());
        String o = out.getText().trim();
        String why = !Files.isRegularFile(m.resolve("config.json")) ? NLS.bind(Messages.TrainAdapterDialog_noConfig, m)
                : !Files.isRegularFile(r.resolve("train.jsonl")) ? NLS.bind(Messages.TrainAdapterDialog_noTrainData, r)
                : o.isEmpty() ? Messages.TrainAdapterDialog_noOutput : null;
        if (why != null) {
            problem.setText(why);
            problem.getParent().layout();
            getButton(IDialogConstants.OK_ID).setFocus();
            return;
        }
        choice = new Choice(m, r, Path.of(o), qlora.getSelection());
        super.okPressed();
    }

    /** Fills the round and output folders and the QLoRA box, as a user would (for tests). */
    void fill(String roundFolder, String outFolder, boolean nf4) {
        round.setText(roundFolder);
        out.setText(outFolder);
        qlora.setSelection(nf4);
    }

    /** Presses a button, as a user would (for tests). */
    void buttonPressedForTest(int id) {
        buttonPressed(id);
    }

    /** The choice once OK was pressed, else null. */
    public Choice choice() {
        return choice;
    }
}
