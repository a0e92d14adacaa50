package taiyi.workbench.ui.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;

import taiyi.workbench.formats.Format;
import taiyi.workbench.formats.imports.FormatDetection;
import taiyi.workbench.formats.imports.ImportFiles;
import taiyi.workbench.formats.imports.ImportItem;
import taiyi.workbench.formats.imports.ImportPlan;
import taiyi.workbench.ui.l10n.Messages;

/**
 * First page: the files and folders to import and their format, automatic (each file's extension)
 * or chosen for all. The table says what each chosen path will be read as, so an ambiguous
 * extension is seen before the import, not after.
 */
public final class ImportSourcesPage extends WizardPage {

    static final String AUTOMATIC = Messages.ImportSourcesPage_automatic;

    private final List<Path> sources = new ArrayList<>();
    private TableViewer table;
    private Combo format;
    private Label summary;

    ImportSourcesPage() {
        super("sources", Messages.ImportSourcesPage_title, null);
        setDescription(Messages.ImportSourcesPage_description);
        setPageComplete(false);
    }

    @Override
    public void createControl(Composite parent) {
        Composite body = new Composite(parent, SWT.NONE);
        body.setLayout(new GridLayout(2, false));

        table = new TableViewer(body, SWT.MULTI | SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        table.getTable().setHeaderVisible(true);
        table.setContentProvider(ArrayContentProvider.getInstance());
        TableViewerColumn path = new TableViewerColumn(table, SWT.LEFT);
        path.getColumn().setText(Messages.ImportSourcesPage_fileColumn);
        path.getColumn().setWidth(430);
        path.setLabelProvider(new ColumnLabelProvider());
        TableViewerColumn read = new TableViewerColumn(table, SWT.LEFT);
        read.getColumn().setText(Messages.ImportSourcesPage_readAsColumn);
        read.getColumn().setWidth(260);
        read.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return readAs((Path) element);
            }
        });
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 1, 3);
        tableData.heightHint = 220;
        tableData.widthHint = 700;
        table.getControl().setLayoutData(tableData);
        table.setInput(sources);

        button(body, Messages.ImportSourcesPage_addFiles, () -> {
            FileDialog dialog = new FileDialog(getShell(), SWT.OPEN | SWT.MULTI);
            dialog.setText(Messages.ImportSourcesPage_title);
            if (dialog.open() != null) {
                List<Path> chosen = new ArrayList<>();
                for (String name : dialog.getFileNames()) {
                    chosen.add(Path.of(dialog.getFilterPath(), name));
                }
                addSources(chosen);
            }
        });
        button(body, Messages.ImportSourcesPage_addFolder, () -> {
            DirectoryDialog dialog = new DirectoryDialog(getShell());
            dialog.setText(Messages.ImportSourcesPage_folderDialog);
            String folder = dialog.open();
            if (folder != null) {
                addSources(List.of(Path.of(folder)));
            }
        });
        Button remove = button(body, Messages.ImportSourcesPage_remove, () -> {
            for (Object o : ((IStructuredSelection) table.getSelection()).toList()) {
                sources.remove(o);
            }
            changed();
        });
        remove.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, true));

        Label formatLabel = new Label(body, SWT.NONE);
        formatLabel.setText(Messages.ImportSourcesPage_format);
        formatLabel.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
        format = new Combo(body, SWT.READ_ONLY | SWT.DROP_DOWN);
        format.add(AUTOMATIC);
        for (Format f : Format.values()) {
            format.add(f.cliName());
        }
        format.select(0);
        format.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        format.addListener(SWT.Selection, e -> changed());

        summary = new Label(body, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        setControl(body);
        changed();
    }

    private Button button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    private String readAs(Path path) {
        Optional<Format> chosen = format();
        if (Files.isDirectory(path)) {
            ImportPlan plan = ImportFiles.expand(List.of(path), chosen);
            Map<String, Long> counts = plan.items().stream()
                    .collect(Collectors.groupingBy(i -> i.format().cliName(), TreeMap::new, Collectors.counting()));
            String read = counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
            return plan.problems().isEmpty() ? (read.isEmpty() ? Messages.ImportSourcesPage_noFiles : read)
                    : NLS.bind(Messages.ImportSourcesPage_folderWithRefused, read.isEmpty() ? Messages.ImportSourcesPage_noFiles : read,
                            plan.problems().size());
        }
        if (chosen.isPresent()) {
            return chosen.get().cliName();
        }
        return FormatDetection.detect(path).map(Format::cliName).orElseGet(() -> {
            var candidates = FormatDetection.candidates(path);
            return candidates.isEmpty() ? Messages.ImportSourcesPage_unknownFormat
                    : NLS.bind(Messages.ImportSourcesPage_ambiguousFormat, candidates.stream().map(Format::cliName).collect(Collectors.joining(", ")));
        });
    }

    /** Adds files or folders (each once). */
    public void addSources(List<Path> paths) {
        for (Path p : paths) {
            Path abs = p.toAbsolutePath().normalize();
            if (!sources.contains(abs)) {
                sources.add(abs);
            }
        }
        changed();
    }

    /** The format for every file, or empty for each file's own by extension. */
    public Optional<Format> format() {
        int i = format == null ? 0 : format.getSelectionIndex();
        return i <= 0 ? Optional.empty() : Optional.of(Format.values()[i - 1]);
    }

    /** Chooses the format for every file (empty: automatic). */
    public void setFormat(Optional<Format> chosen) {
        format.select(chosen.map(f -> f.ordinal() + 1).orElse(0));
        changed();
    }

    public List<Path> sources() {
        return List.copyOf(sources);
    }

    /** What would be imported now. */
    public ImportPlan plan() {
        return ImportFiles.expand(sources, format());
    }

    private void changed() {
        if (table == null) {
            return;
        }
        table.refresh();
        ImportPlan plan = plan();
        int files = plan.items().size();
        String toImport = NLS.bind(files == 1 ? Messages.ImportSourcesPage_summaryOne : Messages.ImportSourcesPage_summaryMany, files);
        summary.setText(sources.isEmpty() ? "" : plan.problems().isEmpty() ? toImport
                : NLS.bind(Messages.ImportSourcesPage_summaryWithProblems, toImport, plan.problems().size()));
        summary.getParent().layout(true);
        if (sources.isEmpty()) {
            setErrorMessage(null);
            setPageComplete(false);
        } else if (files == 0) {
            setErrorMessage(NLS.bind(Messages.ImportSourcesPage_nothingToImport, plan.problems().get(0)));
            setPageComplete(false);
        } else {
            setErrorMessage(null);
            setPageComplete(true);
        }
    }

    /** The items of the plan, for the wizard's summary. */
    List<ImportItem> items() {
        return plan().items();
    }
}
