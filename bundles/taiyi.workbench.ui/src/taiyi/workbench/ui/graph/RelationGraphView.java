package taiyi.workbench.ui.graph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;

import org.eclipse.gef.DefaultEditDomain;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.GraphicalViewer;
import org.eclipse.gef.KeyStroke;
import org.eclipse.gef.MouseWheelHandler;
import org.eclipse.gef.MouseWheelZoomHandler;
import org.eclipse.gef.Request;
import org.eclipse.gef.RequestConstants;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.commands.CommandStack;
import org.eclipse.gef.commands.CompoundCommand;
import org.eclipse.gef.editparts.ScalableFreeformRootEditPart;
import org.eclipse.gef.editparts.ZoomManager;
import org.eclipse.gef.requests.GroupRequest;
import org.eclipse.gef.requests.SimpleFactory;
import org.eclipse.gef.tools.ConnectionDragCreationTool;
import org.eclipse.gef.ui.parts.GraphicalViewerKeyHandler;
import org.eclipse.gef.ui.parts.ScrollingGraphicalViewer;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.part.ViewPart;

import taiyi.workbench.core.model.EntityType;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.curation.DocumentCuration;
import taiyi.workbench.curation.graph.ConsistencyFinder;
import taiyi.workbench.curation.graph.DocumentRelations;
import taiyi.workbench.curation.graph.EdgeSource;
import taiyi.workbench.curation.graph.EdgeStatus;
import taiyi.workbench.curation.graph.GraphEdge;
import taiyi.workbench.curation.graph.GraphFilter;
import taiyi.workbench.curation.graph.GraphMLWriter;
import taiyi.workbench.curation.graph.GraphNode;
import taiyi.workbench.curation.graph.GraphScope;
import taiyi.workbench.curation.graph.InconsistentRelation;
import taiyi.workbench.curation.graph.RelationGraph;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.StoreChangeListener;
import taiyi.workbench.ui.editor.DocumentEditor;
import taiyi.workbench.ui.editor.DocumentEditorInput;
import taiyi.workbench.ui.editor.EntityTypePalette;
import taiyi.workbench.ui.l10n.Messages;

/**
 * The Relation Graph view: the relations of the active editor's document, or of its whole corpus,
 * as a GEF graph of concepts. Edges are decided in place (drag to relate, Delete, Accept, Reject, a
 * dragged end), each a command recorded in the store's log; Undo and Redo here walk that log as the
 * editor's do. In corpus scope the concept pairs related in some documents and not in others where
 * both occur are listed beneath, each a double-click from its documents.
 */
public final class RelationGraphView extends ViewPart {

    public static final String ID = "taiyi.workbench.ui.relationGraph";

    private ScrollingGraphicalViewer viewer;
    private DefaultEditDomain domain;
    private EntityTypePalette palette;
    private Label scopeLabel;
    private Label message;
    private Combo relationTypes;
    private SashForm sash;
    private InconsistencyTree inconsistencies;

    private CorpusStore store;
    private GraphScope scope;
    /** The scope's documents read down to concepts, by id in corpus order; a change re-reads only its own. */
    private final Map<String, DocumentRelations> documents = new LinkedHashMap<>();
    private final NodePlacement placement = new NodePlacement();
    private GraphDiagram diagram;
    private List<InconsistentRelation> found = List.of();
    private boolean followEditor = true;
    private final Set<EdgeStatus> statuses = new LinkedHashSet<>(Set.of(EdgeStatus.values()));
    private final Set<String> hiddenTypes = new LinkedHashSet<>();
    /** The document whose log Undo and Redo walk: the scope's, or the one the graph edited last. */
    private String undoDocument;
    private long lastOpenMillis;
    /** Counts changes of scope, so a corpus read for a scope no longer shown is thrown away. */
    private final AtomicInteger generation = new AtomicInteger();
    /** Whether a corpus is being read and laid out off the UI thread. */
    private boolean loading;
    /** Documents that changed while the corpus was read, read again once it is shown. */
    private final Set<String> changedWhileLoading = new LinkedHashSet<>();
    /** Whether a filter changed while the corpus was read. */
    private boolean rebuildWhenLoaded;

    private final StoreChangeListener storeListener = this::storeChanged;
    private final IPartListener2 editorFollower = new IPartListener2() {
        @Override
        public void partActivated(IWorkbenchPartReference ref) {
            IWorkbenchPart part = ref.getPart(false);
            if (followEditor && part instanceof DocumentEditor editor) {
                showDocument(editor.store(), editor.corpus(), editor.document().id());
            }
        }
    };

    private final IAction relateAction = new Action(Messages.RelationGraphView_relate, IAction.AS_CHECK_BOX) {
        @Override
        public void run() {
            setRelating(isChecked());
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        palette = new EntityTypePalette(parent.getDisplay());
        Composite body = new Composite(parent, SWT.NONE);
        GridLayout grid = new GridLayout(3, false);
        grid.marginWidth = 2;
        grid.marginHeight = 2;
        body.setLayout(grid);
        scopeLabel = new Label(body, SWT.NONE);
        scopeLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        scopeLabel.setText(Messages.RelationGraphView_openADocument);
        new Label(body, SWT.NONE).setText(Messages.RelationGraphView_dragRelatesAs);
        relationTypes = new Combo(body, SWT.DROP_DOWN);
        relationTypes.setLayoutData(new GridData(120, SWT.DEFAULT));
        relationTypes.setToolTipText(Messages.RelationGraphView_relationTypeTooltip);

        sash = new SashForm(body, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        viewer = new ScrollingGraphicalViewer();
        viewer.createControl(sash);
        viewer.getControl().setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        ScalableFreeformRootEditPart root = new ScalableFreeformRootEditPart();
        viewer.setRootEditPart(root);
        viewer.setEditPartFactory(new GraphPartFactory());
        viewer.setProperty(MouseWheelHandler.KeyGenerator.getKey(SWT.MOD1), MouseWheelZoomHandler.SINGLETON);
        // the editor's keys for decisions, on the selected edges
        GraphicalViewerKeyHandler keys = new GraphicalViewerKeyHandler(viewer);
        keys.put(KeyStroke.getPressed('a', 'a', 0), action(Messages.RelationGraphView_accept, null, this::acceptSelection));
        keys.put(KeyStroke.getPressed('r', 'r', 0), action(Messages.RelationGraphView_reject, null, this::rejectSelection));
        keys.put(KeyStroke.getPressed(SWT.DEL, 127, 0), action(Messages.RelationGraphView_delete, null, this::deleteSelection));
        viewer.setKeyHandler(keys);
        domain = new DefaultEditDomain(null);
        domain.setCommandStack(new ReportingCommandStack());
        domain.addViewer(viewer);
        inconsistencies = new InconsistencyTree(sash, this::openDocument, this::selectPair);
        sash.setWeights(new int[] {70, 30});
        sash.setMaximizedControl(viewer.getControl());

        message = new Label(body, SWT.NONE);
        message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));

        contributeActions();
        getSite().getPage().addPartListener(editorFollower);
        IEditorPart active = getSite().getPage().getActiveEditor();
        if (active instanceof DocumentEditor editor) {
            showDocument(editor.store(), editor.corpus(), editor.document().id());
        }
        body.addListener(SWT.Dispose, e -> {
            getSite().getPage().removePartListener(editorFollower);
            if (store != null) {
                store.removeChangeListener(storeListener);
            }
            palette.dispose();
        });
    }

    private void contributeActions() {
        IToolBarManager bar = getViewSite().getActionBars().getToolBarManager();
        relateAction.setToolTipText(Messages.RelationGraphView_relateTooltip);
        bar.add(relateAction);
        bar.add(action(Messages.RelationGraphView_accept, Messages.RelationGraphView_acceptTooltip, this::acceptSelection));
        bar.add(action(Messages.RelationGraphView_reject, Messages.RelationGraphView_rejectTooltip, this::rejectSelection));
        bar.add(action(Messages.RelationGraphView_delete, Messages.RelationGraphView_deleteTooltip, this::deleteSelection));
        bar.add(new Separator());
        bar.add(action(Messages.RelationGraphView_document, Messages.RelationGraphView_documentTooltip, this::followActiveEditor));
        bar.add(action(Messages.RelationGraphView_corpus, Messages.RelationGraphView_corpusTooltip, () -> {
            if (scope != null) {
                showCorpus(store, scope.corpus());
            }
        }));
        bar.add(action(Messages.RelationGraphView_layOut, Messages.RelationGraphView_layOutTooltip, () -> {
            placement.reset();
            rebuild();
        }));
        bar.add(action(Messages.RelationGraphView_fit, Messages.RelationGraphView_fitTooltip, this::fit));
        bar.add(action("+", Messages.RelationGraphView_zoomInTooltip, () -> zoom().zoomIn()));
        bar.add(action("−", Messages.RelationGraphView_zoomOutTooltip, () -> zoom().zoomOut()));
        bar.add(action(Messages.RelationGraphView_export, Messages.RelationGraphView_exportTooltip, this::exportWithDialog));
        IMenuManager menu = getViewSite().getActionBars().getMenuManager();
        for (EdgeStatus s : EdgeStatus.values()) {
            IAction show = new Action(s == EdgeStatus.CURATED ? Messages.RelationGraphView_curatedRelations : Messages.RelationGraphView_suggestedRelations,
                    IAction.AS_CHECK_BOX) {
                @Override
                public void run() {
                    if (isChecked()) {
                        statuses.add(s);
                    } else {
                        statuses.remove(s);
                    }
                    rebuild();
                }
            };
            show.setChecked(true);
            menu.add(show);
        }
        menu.add(new Separator("types"));
        getViewSite().getActionBars().setGlobalActionHandler(ActionFactory.UNDO.getId(), action(Messages.RelationGraphView_undo, null, this::undo));
        getViewSite().getActionBars().setGlobalActionHandler(ActionFactory.REDO.getId(), action(Messages.RelationGraphView_redo, null, this::redo));
        getViewSite().getActionBars().setGlobalActionHandler(ActionFactory.DELETE.getId(), action(Messages.RelationGraphView_delete, null, this::deleteSelection));
    }

    private static IAction action(String text, String tip, Runnable run) {
        IAction a = new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
        a.setToolTipText(tip);
        return a;
    }

    /** The entity-type filters of the view menu, one per type of the corpus's schema. */
    private void fillTypeFilters() {
        IMenuManager menu = getViewSite().getActionBars().getMenuManager();
        for (var item : menu.getItems()) {
            if (item.getId() != null && item.getId().startsWith("type:")) {
                menu.remove(item);
            }
        }
        LabelSchema schema = store.documents().schema(scope.corpus());
        for (EntityType t : schema.entityTypes()) {
            IAction show = new Action(schema.entityTypeName(t.name(), Messages.language()), IAction.AS_CHECK_BOX) {
                @Override
                public void run() {
                    if (isChecked()) {
                        hiddenTypes.remove(t.name());
                    } else {
                        hiddenTypes.add(t.name());
                    }
                    rebuild();
                }
            };
            show.setId("type:" + t.name());
            show.setToolTipText(t.name());
            show.setChecked(!hiddenTypes.contains(t.name()));
            menu.appendToGroup("types", show);
        }
        menu.update(true);
    }

    // ---- scope

    /** Shows one document's relations (what following the editor does). */
    public void showDocument(CorpusStore store, String corpus, String documentId) {
        show(store, GraphScope.document(corpus, documentId));
    }

    /** Shows a whole corpus's relations and its inconsistent pairs; the view stops following the editor. */
    public void showCorpus(CorpusStore store, String corpus) {
        followEditor = false;
        show(store, GraphScope.corpus(corpus));
    }

    private void followActiveEditor() {
        followEditor = true;
        IEditorPart active = getSite().getPage().getActiveEditor();
        if (active instanceof DocumentEditor editor) {
            showDocument(editor.store(), editor.corpus(), editor.document().id());
        }
    }

    private void show(CorpusStore newStore, GraphScope newScope) {
        if (newScope.equals(scope) && newStore == store) {
            return;
        }
        long t0 = System.nanoTime();
        if (store != newStore) {
            if (store != null) {
                store.removeChangeListener(storeListener);
            }
            newStore.addChangeListener(storeListener);
        }
        store = newStore;
        scope = newScope;
        undoDocument = scope.documentId();
        placement.reset();
        documents.clear();
        int mine = generation.incrementAndGet();
        loading = false;
        changedWhileLoading.clear();
        rebuildWhenLoaded = false;
        viewer.getControl().setCursor(null);
        fillRelationTypes();
        fillTypeFilters();
        if (scope.isDocument()) {
            sash.setMaximizedControl(viewer.getControl());
            for (DocumentRelations d : scope.read(store)) {
                documents.put(d.documentId(), d);
            }
            rebuild();
            lastOpenMillis = (System.nanoTime() - t0) / 1_000_000;
        } else {
            sash.setMaximizedControl(null);
            loadCorpus(mine, t0);
        }
        setRelating(relateAction.isChecked());
    }

    /**
     * Reads a corpus's relations, builds its graph, lays it out and finds its inconsistent pairs off
     * the UI thread (a large corpus takes a good part of a second), showing that it is busy
     * meanwhile; then shows the graph, unless the scope changed in between.
     */
    private void loadCorpus(int mine, long t0) {
        loading = true;
        CorpusStore readStore = store;
        GraphScope readScope = scope;
        Set<String> hidden = new LinkedHashSet<>(hiddenTypes);
        Set<EdgeStatus> shownStatuses = new LinkedHashSet<>(statuses);
        Map<String, double[]> fixed = placement.fixed();
        diagram = new GraphDiagram(store, scope, new RelationGraph(List.of(), List.of()), placement, Map.of(), palette,
                this::relationType, this::openEvidence);
        viewer.setContents(diagram);
        found = List.of();
        inconsistencies.show(found);
        viewer.getControl().setCursor(viewer.getControl().getDisplay().getSystemCursor(SWT.CURSOR_APPSTARTING));
        scopeLabel.setText(scope + ": reading its relations and laying them out…");
        scopeLabel.getParent().layout();
        Display display = viewer.getControl().getDisplay();
        Job job = Job.create("Relation graph of " + readScope, (IProgressMonitor monitor) -> {
            CorpusGraph loaded;
            try {
                List<DocumentRelations> docs = readScope.read(readStore);
                RelationGraph graph = RelationGraph.of(docs).filtered(new GraphFilter(visibleTypes(docs, hidden), shownStatuses));
                loaded = new CorpusGraph(docs, graph, NodePlacement.layOut(graph, fixed), ConsistencyFinder.find(docs), null);
            } catch (RuntimeException e) {
                loaded = new CorpusGraph(List.of(), null, Map.of(), List.of(), e.getMessage());
            }
            CorpusGraph result = loaded;
            if (!display.isDisposed()) {
                display.asyncExec(() -> {
                    if (mine == generation.get() && !viewer.getControl().isDisposed()) {
                        showLoaded(result, t0);
                    }
                });
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    /** What {@link #loadCorpus} worked out off the UI thread: the graph, or why there is none. */
    private record CorpusGraph(List<DocumentRelations> documents, RelationGraph graph, Map<String, double[]> placed,
            List<InconsistentRelation> inconsistent, String failure) {
    }

    private void showLoaded(CorpusGraph loaded, long t0) {
        loading = false;
        viewer.getControl().setCursor(null);
        if (loaded.failure() != null) {
            scopeLabel.setText(scope + ": cannot read it");
            scopeLabel.getParent().layout();
            report(loaded.failure());
            return;
        }
        for (DocumentRelations d : loaded.documents()) {
            documents.put(d.documentId(), d);
        }
        if (rebuildWhenLoaded || !changedWhileLoading.isEmpty()) {
            // a filter or a document changed while the graph was read: it is built again from what is current
            for (String id : changedWhileLoading) {
                documents.put(id, taiyi.workbench.curation.graph.CorpusRelations.read(store, scope.corpus(), id));
            }
            changedWhileLoading.clear();
            rebuildWhenLoaded = false;
            rebuild();
        } else {
            show(loaded.graph(), placement.adopt(loaded.placed()), loaded.inconsistent());
        }
        lastOpenMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    /** Whether the view is still reading and laying out a corpus (what it shows meanwhile says so). */
    public boolean isBusy() {
        return loading;
    }

    private void fillRelationTypes() {
        String chosen = relationTypes.getText();
        relationTypes.removeAll();
        for (EntityType t : store.documents().schema(scope.corpus()).relationTypes()) {
            relationTypes.add(t.name());
        }
        if (!chosen.isEmpty()) {
            relationTypes.setText(chosen);
        } else if (relationTypes.getItemCount() > 0) {
            relationTypes.select(0);
        }
    }

    /** Builds the graph shown from the documents read, under the filters; nodes keep their places. */
    private void rebuild() {
        if (scope == null) {
            return;
        }
        if (loading) {
            rebuildWhenLoaded = true;
            return;
        }
        List<DocumentRelations> docs = new ArrayList<>(documents.values());
        RelationGraph graph = RelationGraph.of(docs).filtered(new GraphFilter(visibleTypes(docs, hiddenTypes), statuses));
        show(graph, placement.place(graph), scope.isDocument() ? List.of() : ConsistencyFinder.find(docs));
    }

    private void show(RelationGraph graph, Map<String, org.eclipse.draw2d.geometry.Point> centres, List<InconsistentRelation> pairs) {
        diagram = new GraphDiagram(store, scope, graph, placement, centres, palette, this::relationType, this::openEvidence);
        viewer.setContents(diagram);
        if (!scope.isDocument()) {
            found = pairs;
            inconsistencies.show(found);
        }
        scopeLabel.setText(scope.isDocument()
                ? NLS.bind(Messages.RelationGraphView_documentScope,
                        new Object[] {scope.documentId(), scope.corpus(), graph.nodes().size(), graph.edges().size()})
                : NLS.bind(Messages.RelationGraphView_corpusScope,
                        new Object[] {scope.corpus(), graph.nodes().size(), graph.edges().size(), found.size()}));
        scopeLabel.getParent().layout();
    }

    /** The entity types the filter keeps: every type present but those unticked; empty keeps all. */
    private static Set<String> visibleTypes(List<DocumentRelations> docs, Set<String> hidden) {
        if (hidden.isEmpty()) {
            return Set.of();
        }
        Set<String> types = new LinkedHashSet<>();
        docs.forEach(d -> d.concepts().values().forEach(c -> types.add(c.type())));
        types.removeAll(hidden);
        types.add("\u0000none");
        return types;
    }

    private void storeChanged(String corpus, List<String> documentIds) {
        GraphScope shown = scope;
        if (shown == null || !shown.touchedBy(corpus, documentIds)) {
            return;
        }
        Display display = viewer.getControl().getDisplay();
        display.asyncExec(() -> {
            if (viewer.getControl().isDisposed() || !shown.equals(scope)) {
                return;
            }
            if (loading) {
                changedWhileLoading.addAll(documentIds);
                return;
            }
            for (String id : documentIds) {
                if (documents.containsKey(id) || !scope.isDocument()) {
                    documents.put(id, taiyi.workbench.curation.graph.CorpusRelations.read(store, corpus, id));
                }
            }
            rebuild();
        });
    }

    // ---- decisions

    private void setRelating(boolean on) {
        relateAction.setChecked(on);
        if (on) {
            ConnectionDragCreationTool tool = new ConnectionDragCreationTool(new SimpleFactory(String.class));
            tool.setUnloadWhenFinished(false);
            domain.setActiveTool(tool);
        } else {
            domain.loadDefaultTool();
        }
    }

    /** Turns relating by drag on or off (the toolbar's Relate). */
    public void setRelatingByDrag(boolean on) {
        setRelating(on);
    }

    private String relationType() {
        String t = relationTypes.getText().strip();
        return t.isEmpty() ? "RELATED" : t;
    }

    /** The relation type a drag creates. */
    public void setRelationType(String type) {
        relationTypes.setText(type);
    }

    /** Accepts the selected suggested edges. */
    public void acceptSelection() {
        execute(onSelection(new Request(EdgeDecisionEditPolicy.REQ_ACCEPT)));
    }

    public void rejectSelection() {
        execute(onSelection(new Request(EdgeDecisionEditPolicy.REQ_REJECT)));
    }

    public void deleteSelection() {
        execute(onSelection(new GroupRequest(RequestConstants.REQ_DELETE)));
    }

    private Command onSelection(Request request) {
        CompoundCommand all = new CompoundCommand();
        for (Object o : viewer.getSelectedEditParts()) {
            if (o instanceof RelationEdgePart part) {
                all.add(part.getCommand(request));
            }
        }
        return all.isEmpty() ? null : all.unwrap();
    }

    private void execute(Command command) {
        if (command == null || !command.canExecute()) {
            report(Messages.RelationGraphView_selectAnEdge);
            return;
        }
        domain.getCommandStack().execute(command);
    }

    /**
     * GEF's stack, reporting a rule's refusal instead of throwing it into the event loop, and noting
     * which document Undo walks; it keeps no history of its own (the store's log is the history).
     */
    private final class ReportingCommandStack extends CommandStack {
        @Override
        public void execute(Command command) {
            report(null);
            try {
                super.execute(command);
                String edited = documentOf(command);
                if (edited != null) {
                    undoDocument = edited;
                }
            } catch (IllegalArgumentException | taiyi.workbench.store.StoreException e) {
                report(e.getMessage());
            } finally {
                flush();
            }
        }
    }

    private static String documentOf(Command c) {
        if (c instanceof CurationCommand cc) {
            return cc.documentId();
        }
        if (c instanceof CompoundCommand compound && !compound.getCommands().isEmpty()) {
            return documentOf((Command) compound.getCommands().get(compound.getCommands().size() - 1));
        }
        return null;
    }

    /** Takes back the latest decision on the document shown (or the one the graph edited last): the editor's Ctrl+Z. */
    public void undo() {
        walkLog(true);
    }

    public void redo() {
        walkLog(false);
    }

    private void walkLog(boolean undo) {
        if (undoDocument == null) {
            report(undo ? Messages.RelationGraphView_nothingToUndoYet : Messages.RelationGraphView_nothingToRedoYet);
            return;
        }
        report(null);
        DocumentCuration curation = DocumentCuration.open(store, scope.corpus(), undoDocument);
        boolean walked = (undo ? curation.undo(CurationCommand.UI_LOCATION) : curation.redo(CurationCommand.UI_LOCATION)).isPresent();
        if (!walked) {
            report(NLS.bind(undo ? Messages.RelationGraphView_nothingToUndo : Messages.RelationGraphView_nothingToRedo, undoDocument));
        }
    }

    private void report(String text) {
        if (message != null && !message.isDisposed()) {
            message.setText(text == null ? "" : text);
        }
    }

    /** What the view last said about a refused decision, or empty. */
    public String lastMessage() {
        return message.getText();
    }

    // ---- navigation

    /** Opens the document of an edge's first statement, with the relation or suggestion selected and its evidence shown. */
    private void openEvidence(GraphEdge edge) {
        EdgeSource s = edge.sources().get(0);
        DocumentEditor editor = openDocument(s.documentId());
        if (editor == null) {
            return;
        }
        if (edge.status() == EdgeStatus.CURATED) {
            editor.selectRelation(s.annotationId());
        } else {
            editor.selectRelationSuggestion(s.annotationId());
        }
        if (!s.evidence().isEmpty()) {
            editor.reveal(s.evidence().get(0).start(), s.evidence().get(s.evidence().size() - 1).end());
        }
    }

    /** Opens a document of the scope's corpus in the editor. */
    DocumentEditor openDocument(String documentId) {
        try {
            IEditorPart part = getSite().getPage().openEditor(new DocumentEditorInput(store, scope.corpus(), documentId),
                    DocumentEditor.ID);
            return part instanceof DocumentEditor e ? e : null;
        } catch (PartInitException e) {
            report(e.getMessage());
            return null;
        }
    }

    /** Selects and reveals the curated edge of an inconsistent pair. */
    private void selectPair(InconsistentRelation r) {
        edgePart(GraphEdge.idOf(EdgeStatus.CURATED, r.type(), r.head(), r.tail())).ifPresent(part -> {
            viewer.select(part);
            viewer.reveal(part);
        });
    }

    // ---- export

    private void exportWithDialog() {
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] {"*.png", "*.svg", "*.graphml"});
        dialog.setFilterNames(new String[] {Messages.RelationGraphView_png, Messages.RelationGraphView_svg, Messages.RelationGraphView_graphml});
        dialog.setOverwrite(true);
        String file = dialog.open();
        if (file != null) {
            try {
                export(Path.of(file));
            } catch (java.io.IOException | RuntimeException e) {
                report(NLS.bind(Messages.RelationGraphView_cannotExport, file, e.getMessage()));
            }
        }
    }

    /** Saves the graph shown, by the file's extension: {@code .png}, {@code .svg} or {@code .graphml}. */
    public void export(Path file) throws java.io.IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".graphml")) {
            new GraphMLWriter().write(diagram.graph(), file);
        } else if (name.endsWith(".svg")) {
            new GraphSvgExport(viewer).write(file);
        } else if (name.endsWith(".png")) {
            new GraphSvgExport(viewer).writePng(file);
        } else {
            throw new IllegalArgumentException(NLS.bind(Messages.RelationGraphView_unknownExport, file.getFileName()));
        }
        report(NLS.bind(Messages.RelationGraphView_saved, file));
    }

    // ---- what tests and the benchmark look at

    public GraphicalViewer viewer() {
        return viewer;
    }

    public GraphScope scope() {
        return scope;
    }

    /** The graph shown, after the filters. */
    public RelationGraph graph() {
        return diagram == null ? null : diagram.graph();
    }

    public List<InconsistentRelation> inconsistencies() {
        return found;
    }

    /** How long the latest change of scope took, reading the store, laying out and making the parts. */
    public long lastOpenMillis() {
        return lastOpenMillis;
    }

    /** The part of a node, by concept key. */
    public java.util.Optional<EditPart> nodePart(String key) {
        return diagram.graph().node(key).map(n -> (EditPart) viewer.getEditPartRegistry().get(n));
    }

    /** The part of an edge, by edge id. */
    public java.util.Optional<EditPart> edgePart(String id) {
        return diagram.graph().edge(id).map(e -> (EditPart) viewer.getEditPartRegistry().get(e));
    }

    /** The tree of inconsistent pairs beneath the graph in corpus scope. */
    public org.eclipse.jface.viewers.TreeViewer inconsistencyTree() {
        return inconsistencies.viewer();
    }

    /** Zooms so the whole graph shows (never beyond 100 %). */
    public void fit() {
        ZoomManager zoom = zoom();
        zoom.setZoomLevelContributions(List.of(ZoomManager.FIT_ALL));
        zoom.setZoomAsText(ZoomManager.FIT_ALL);
        if (zoom.getZoom() > 1.0) {
            zoom.setZoom(1.0);
        }
    }

    private ZoomManager zoom() {
        return ((ScalableFreeformRootEditPart) viewer.getRootEditPart()).getZoomManager();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    /** The node a graph shows for a concept key (for callers outside the package). */
    public java.util.Optional<GraphNode> node(String key) {
        return diagram == null ? java.util.Optional.empty() : diagram.graph().node(key);
    }
}
