package taiyi.workbench.ui.round;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import taiyi.workbench.core.model.Language;
import taiyi.workbench.inference.djl.tokenizer.QwenTokenizer;
import taiyi.workbench.inference.task.TaskKind;
import taiyi.workbench.learning.DocumentSelection;
import taiyi.workbench.learning.export.Conversation;
import taiyi.workbench.learning.export.ConversationLength;
import taiyi.workbench.learning.export.RoundExport;
import taiyi.workbench.learning.export.RoundRequest;
import taiyi.workbench.store.CorpusSummary;
import taiyi.workbench.ui.WorkbenchDatabase;
import taiyi.workbench.ui.preferences.ModelPreferences;
import taiyi.workbench.ui.l10n.Messages;

/**
 * The round's settings on one page: source corpora and held-out corpora (checked in two lists),
 * tasks, languages, done or all documents, round number, seed, validation share, replay file and
 * ratio, the Qwen vocabulary and the output folder; Preview shows the first five conversations.
 */
public final class RoundExportPage extends WizardPage {

    static final int PREVIEW = 5;

    private Table sources;
    private Table excluded;
    private final List<Button> tasks = new ArrayList<>();
    private final List<Button> languages = new ArrayList<>();
    private Button allDocuments;
    private Spinner round;
    private Text seed;
    private Text validation;
    private Text replay;
    private Text replayRatio;
    private Text tokenizer;
    private Text folder;
    private Text preview;

    RoundExportPage() {
        super("round", Messages.RoundExportPage_title, null);
        setDescription(Messages.RoundExportPage_description);
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite body = new Composite(parent, SWT.NONE);
        body.setLayout(new GridLayout(2, true));
        List<String> names = WorkbenchDatabase.store().statistics().corpora().stream().map(CorpusSummary::name).toList();
        sources = corpusList(body, Messages.RoundExportPage_corpora, names);
        excluded = corpusList(body, Messages.RoundExportPage_heldOut, names);

        Group what = new Group(body, SWT.NONE);
        what.setText(Messages.RoundExportPage_what);
        what.setLayout(new GridLayout(4, false));
        what.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        for (TaskKind k : TaskKind.values()) {
            tasks.add(check(what, k.name(), k));
        }
        allDocuments = new Button(what, SWT.CHECK);
        allDocuments.setText(Messages.RoundExportPage_allDocuments);
        allDocuments.addListener(SWT.Selection, e -> changed());
        for (Language l : Language.values()) {
            languages.add(check(what, l == Language.ENGLISH ? Messages.RoundExportPage_english : Messages.RoundExportPage_chinese, l));
        }
        new Label(what, SWT.NONE);
        new Label(what, SWT.NONE);

        Composite fields = new Composite(body, SWT.NONE);
        fields.setLayout(new GridLayout(3, false));
        fields.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        label(fields, Messages.RoundExportPage_round);
        round = new Spinner(fields, SWT.BORDER);
        round.setValues(ModelPreferences.current().round() + 1, 0, 1_000_000, 0, 1, 10);
        new Label(fields, SWT.NONE);
        seed = field(fields, Messages.RoundExportPage_seed, Long.toString(RoundRequest.SEED), false);
        validation = field(fields, Messages.RoundExportPage_validation, Double.toString(RoundRequest.VALIDATION_FRACTION), false);
        replay = field(fields, Messages.RoundExportPage_replay, "", true);
        replayRatio = field(fields, Messages.RoundExportPage_replayRatio, "0.5", false);
        tokenizer = field(fields, Messages.RoundExportPage_vocabulary, ModelPreferences.current().modelFolder().map(Path::toString).orElse(""),
                true);
        folder = field(fields, Messages.RoundExportPage_folder, "", true);

        Button show = new Button(body, SWT.PUSH);
        show.setText(Messages.RoundExportPage_preview);
        show.addListener(SWT.Selection, e -> showPreview());
        new Label(body, SWT.NONE);
        preview = new Text(body, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | SWT.WRAP);
        GridData p = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        p.heightHint = 160;
        preview.setLayoutData(p);
        setControl(body);
        changed();
    }

    private Table corpusList(Composite parent, String title, List<String> names) {
        Composite box = new Composite(parent, SWT.NONE);
        box.setLayout(new GridLayout(1, false));
        box.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        new Label(box, SWT.NONE).setText(title);
        Table t = new Table(box, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL);
        GridData g = new GridData(SWT.FILL, SWT.FILL, true, true);
        g.heightHint = 90;
        t.setLayoutData(g);
        for (String n : names) {
            new TableItem(t, SWT.NONE).setText(n);
        }
        t.addListener(SWT.Selection, e -> changed());
        return t;
    }

    private Button check(Composite parent, String text, Object data) {
        Button b = new Button(parent, SWT.CHECK);
        b.setText(text);
        b.setData(data);
        b.setSelection(true);
        b.addListener(SWT.Selection, e -> changed());
        return b;
    }

    private static void label(Composite parent, String text) {
        new Label(parent, SWT.NONE).setText(text);
    }

    private Text field(Composite parent, String title, String value, boolean browse) {
        label(parent, title);
        Text t = new Text(parent, SWT.BORDER);
        t.setText(value);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, browse ? 1 : 2, 1));
        t.addListener(SWT.Modify, e -> changed());
        if (browse) {
            Button b = new Button(parent, SWT.PUSH);
            b.setText(Messages.RoundExportPage_browse);
            b.addListener(SWT.Selection, e -> {
                String chosen;
                if (t == folder) {
                    chosen = new DirectoryDialog(getShell()).open();
                } else {
                    FileDialog d = new FileDialog(getShell(), SWT.OPEN);
                    chosen = d.open();
                }
                if (chosen != null) {
                    t.setText(chosen);
                }
            });
        }
        return t;
    }

    // --- what the wizard (and the UI test) sets and reads

    public void setCorpora(List<String> chosen, List<String> heldOut) {
        for (TableItem i : sources.getItems()) {
            i.setChecked(chosen.contains(i.getText()));
        }
        for (TableItem i : excluded.getItems()) {
            i.setChecked(heldOut.contains(i.getText()));
        }
        changed();
    }

    public void setAllDocuments(boolean all) {
        allDocuments.setSelection(all);
        changed();
    }

    public void setTasks(Set<TaskKind> chosen) {
        tasks.forEach(b -> b.setSelection(chosen.contains(b.getData())));
        changed();
    }

    public void setTokenizer(Path vocabulary) {
        tokenizer.setText(vocabulary.toString());
    }

    public void setFolder(Path out) {
        folder.setText(out.toString());
    }

    public void setReplay(Path file, double ratio) {
        replay.setText(file.toString());
        replayRatio.setText(Double.toString(ratio));
    }

    public Path folder() {
        return Path.of(folder.getText().strip());
    }

    public Path tokenizer() {
        return Path.of(tokenizer.getText().strip());
    }

    public String previewText() {
        return preview.getText();
    }

    /** The request the fields describe; an {@link IllegalArgumentException} says what is wrong. */
    public RoundRequest request() {
        List<String> chosen = checked(sources);
        Set<TaskKind> taskKinds = EnumSet.noneOf(TaskKind.class);
        tasks.stream().filter(Button::getSelection).forEach(b -> taskKinds.add((TaskKind) b.getData()));
        Set<Language> langs = EnumSet.noneOf(Language.class);
        languages.stream().filter(Button::getSelection).forEach(b -> langs.add((Language) b.getData()));
        long s;
        double v;
        try {
            s = Long.parseLong(seed.getText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Messages.RoundExportPage_badSeed);
        }
        try {
            v = Double.parseDouble(validation.getText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Messages.RoundExportPage_badValidation);
        }
        RoundRequest r = RoundRequest.of(chosen.isEmpty() ? List.of("") : chosen, round.getSelection())
                .withDocuments(allDocuments.getSelection() ? DocumentSelection.ALL : DocumentSelection.DONE)
                .withTasks(taskKinds).withLanguages(langs).withExcluded(checked(excluded)).withValidationFraction(v)
                .withSeed(s);
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException(Messages.RoundExportPage_noCorpus);
        }
        if (!replay.getText().isBlank()) {
            double ratio;
            try {
                ratio = Double.parseDouble(replayRatio.getText().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(Messages.RoundExportPage_badReplayRatio);
            }
            r = r.withReplay(Path.of(replay.getText().strip()), ratio);
        }
        return r;
    }

    private static List<String> checked(Table t) {
        List<String> out = new ArrayList<>();
        for (TableItem i : t.getItems()) {
            if (i.getChecked()) {
                out.add(i.getText());
            }
        }
        return out;
    }

    private void changed() {
        if (folder == null) {
            return;
        }
        try {
            request();
            if (tokenizer.getText().isBlank() || !Files.exists(tokenizer())) {
                throw new IllegalArgumentException(Messages.RoundExportPage_noVocabulary);
            }
            if (folder.getText().isBlank()) {
                throw new IllegalArgumentException(Messages.RoundExportPage_noFolder);
            }
            setErrorMessage(null);
            setPageComplete(true);
        } catch (IllegalArgumentException e) {
            setErrorMessage(e.getMessage());
            setPageComplete(false);
        }
    }

    /** Renders the first conversations of the round as it stands (nothing is written). */
    public void showPreview() {
        try {
            RoundRequest r = request();
            ConversationLength length = new ConversationLength(QwenTokenizer.load(tokenizer()));
            List<Conversation> first = new RoundExport(WorkbenchDatabase.store(), length).preview(r, PREVIEW);
            StringBuilder b = new StringBuilder();
            for (Conversation c : first) {
                b.append('#').append(c.id()).append(' ').append(c.category()).append(' ').append(c.language()).append(" (")
                        .append(c.dataset()).append(")\n");
                b.append("human: ").append(c.turns().get(0).human()).append('\n');
                b.append("assistant: ").append(c.turns().get(0).assistant()).append("\n\n");
            }
            preview.setText(b.length() == 0 ? Messages.RoundExportPage_noConversation : b.toString());
            setErrorMessage(null);
        } catch (Exception e) {
            preview.setText("");
            setErrorMessage(e.getMessage());
        }
    }
}
