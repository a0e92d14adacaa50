package taiyi.workbench.ui.imports;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import taiyi.workbench.store.CorpusSummary;
import taiyi.workbench.ui.WorkbenchDatabase;
import taiyi.workbench.ui.l10n.Messages;

/** Second page: the corpus to import into, one of the database's or a new name. */
public final class ImportTargetPage extends WizardPage {

    private Combo corpus;
    private Label note;
    private org.eclipse.swt.widgets.Text licence;

    ImportTargetPage() {
        super("target", Messages.ImportTargetPage_title, null);
        setDescription(Messages.ImportTargetPage_description);
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite body = new Composite(parent, SWT.NONE);
        body.setLayout(new GridLayout(2, false));
        Label label = new Label(body, SWT.NONE);
        label.setText(Messages.ImportTargetPage_corpus);
        corpus = new Combo(body, SWT.DROP_DOWN);
        for (CorpusSummary c : WorkbenchDatabase.store().statistics().corpora()) {
            corpus.add(c.name());
        }
        corpus.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        corpus.addListener(SWT.Modify, e -> changed());
        Label licenceLabel = new Label(body, SWT.NONE);
        licenceLabel.setText(Messages.ImportTargetPage_licence);
        licence = new org.eclipse.swt.widgets.Text(body, SWT.BORDER);
        licence.setMessage(Messages.ImportTargetPage_licenceHint);
        licence.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        note = new Label(body, SWT.WRAP);
        note.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        setControl(body);
        changed();
    }

    /** The corpus name as typed, stripped. */
    public String corpus() {
        return corpus.getText().strip();
    }

    /** The licence as typed, stripped; empty when none was given (an existing corpus keeps its own). */
    public String licence() {
        return licence.getText().strip();
    }

    public void setLicence(String text) {
        licence.setText(text);
    }

    public void setCorpus(String name) {
        corpus.setText(name);
        changed();
    }

    private void changed() {
        String name = corpus();
        boolean exists = corpus.indexOf(name) >= 0;
        if (name.isEmpty()) {
            setErrorMessage(null);
            note.setText("");
            setPageComplete(false);
            return;
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            setErrorMessage(Messages.ImportTargetPage_controlCharacters);
            setPageComplete(false);
            return;
        }
        setErrorMessage(null);
        note.setText(NLS.bind(exists ? Messages.ImportTargetPage_existingCorpus : Messages.ImportTargetPage_newCorpus, name));
        note.getParent().layout(true);
        setPageComplete(true);
    }
}
