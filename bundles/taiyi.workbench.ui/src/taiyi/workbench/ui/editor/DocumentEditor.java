package taiyi.workbench.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.draw2d.FigureCanvas;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.part.EditorPart;

import taiyi.workbench.core.curation.CorrectionEvent;
import taiyi.workbench.core.curation.CurationFold;
import taiyi.workbench.core.curation.RelationSuggestion;
import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.EntityType;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.curation.AnnotationModel;
import taiyi.workbench.curation.DecisionClock;
import taiyi.workbench.curation.DocumentCuration;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.StaleDecisionException;
import taiyi.workbench.store.SuggestionStore;
import taiyi.workbench.store.StoreChangeListener;
import taiyi.workbench.ui.l10n.Messages;

/**
 * The annotator's editor of one document: its text with the curated mentions coloured and
 * underlined by type, the model's open suggestions outlined dashed, relations as arcs above the
 * lines, and a legend of the schema's types with the digit key of each. Every curation step is a
 * command bound to a key in the {@link #CONTEXT_ID annotation context} (rebindable on the Keys
 * page); each records one correction event in the store. The editor follows the store: a model run
 * that adds suggestions shows up without moving the caret.
 *
 * <p>Suggested relations are dashed arcs; a click on the label selects one, and the same keys decide
 * it. The order A/R/S walk is one cycle: open mention suggestions by position, then open relation
 * suggestions in the model's order, then around. Tab walks the text by position and, past its last
 * item, goes on through the open relation suggestions (Shift+Tab back the same way).
 */
public final class DocumentEditor extends EditorPart {

    public static final String ID = "taiyi.workbench.ui.documentEditor";
    /** The key-binding context active while this editor is. */
    public static final String CONTEXT_ID = "taiyi.workbench.ui.annotationContext";
    /** The id plugin.xml contributes the editor's right-button menu to. */
    public static final String CONTEXT_MENU_ID = "taiyi.workbench.ui.documentEditor.context";

    private CorpusStore store;
    private String corpus;
    private Document document;
    private LabelSchema schema;
    private AnnotationModel model;
    private DocumentCuration curation;
    private EntityTypePalette palette;
    private StyledText text;
    private FigureCanvas legendCanvas;
    private EntityTypeLegend legend;
    private AnnotationPresentation presentation;
    private final AnnotationSelectionProvider selection = new AnnotationSelectionProvider();
    private AnnotationItem caretItem;
    private EntityMention relationHead;
    private TypeChooser chooser;
    private String lastMessage;
    private boolean deciding;
    private boolean movingCaret;
    private boolean selectionPending;
    /** Whether a decision was taken since the selection was last published (the view's rows are stale). */
    private boolean decidedSincePublished;
    /** How long the caret rests before the selection is published, in ms. */
    public static final int SELECTION_DELAY_MS = 60;
    private final StoreChangeListener storeListener = this::storeChanged;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        if (!(input instanceof DocumentEditorInput in)) {
            throw new PartInitException(NLS.bind(Messages.DocumentEditor_notADocument, input.getName()));
        }
        setSite(site);
        setInput(input);
        store = in.store();
        corpus = in.corpus();
        // the curated layer comes from the fold of the log: the body alone is read here
        document = store.documents().documentBody(in.corpus(), in.documentId())
                .orElseThrow(() -> new PartInitException(NLS.bind(Messages.DocumentEditor_notInCorpus, in.documentId(), in.corpus())));
        schema = store.documents().schema(corpus);
        model = new AnnotationModel(document.text());
        List<CorrectionEvent> log = store.log().events(corpus, document.id());
        model.setCurated(CurationFold.of(log));
        loadSuggestions();
        // decisions are recorded onto the log the model shows: one made after someone else's is refused
        curation = new DocumentCuration(store, corpus, document.id(), model, new DecisionClock(), newestId(log));
        setPartName(document.id());
        setTitleToolTip(in.getToolTipText());
        site.setSelectionProvider(selection);
    }

    @Override
    public void createPartControl(Composite parent) {
        palette = new EntityTypePalette(parent.getDisplay());
        Composite body = new Composite(parent, SWT.NONE);
        GridLayout grid = new GridLayout(1, false);
        grid.marginWidth = 0;
        grid.marginHeight = 0;
        grid.verticalSpacing = 0;
        body.setLayout(grid);

        legendCanvas = new FigureCanvas(body, SWT.DOUBLE_BUFFERED);
        legend = new EntityTypeLegend();
        legend.setNames(this::entityName);
        legendCanvas.setContents(legend);
        GridData legendData = new GridData(SWT.FILL, SWT.TOP, true, false);
        legendData.heightHint = 30;
        legendCanvas.setLayoutData(legendData);

        text = new StyledText(body, SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.READ_ONLY | SWT.DOUBLE_BUFFERED);
        GridData textData = new GridData(SWT.FILL, SWT.FILL, true, true);
        // size hints keep the layout from asking the wrapped text for its natural size, which lays
        // out all 100,000 chars; the editor fills whatever room it gets anyway
        textData.widthHint = 200;
        textData.heightHint = 100;
        text.setLayoutData(textData);
        text.setText(document.text());
        presentation = new AnnotationPresentation(text, legend, palette, this::keyedTypes);
        presentation.showAll(model);

        text.addListener(SWT.MouseMove, e -> text.setToolTipText(describeAt(new Point(e.x, e.y))));
        text.addCaretListener(e -> {
            if (!movingCaret) {
                caretMovedTo(e.caretOffset);
            }
        });
        new RelationMouseGesture(text, model, presentation.arcs(), this::selectArc,
                (head, tail) -> chooseRelationType(head, tail, "editor:mouse"));
        store.addChangeListener(storeListener);
        body.addListener(SWT.Dispose, e -> {
            store.removeChangeListener(storeListener);
            if (chooser != null) {
                chooser.close();
            }
            palette.dispose();
            presentation.dispose();
        });
        IContextService contexts = getSite().getService(IContextService.class);
        if (contexts != null) {
            contexts.activateContext(CONTEXT_ID);
        }
        // the curation commands on the right button too (plugin.xml fills it), showing their keys
        org.eclipse.jface.action.MenuManager menu = new org.eclipse.jface.action.MenuManager("#Annotation", CONTEXT_MENU_ID);
        menu.add(new org.eclipse.jface.action.Separator(org.eclipse.ui.IWorkbenchActionConstants.MB_ADDITIONS));
        text.setMenu(menu.createContextMenu(text));
        getSite().registerContextMenu(CONTEXT_MENU_ID, menu, selection);
        caretItem = itemAt(0);
        presentation.setCaretItem(caretItem, model);
        curation.clock().focus(caretItem == null ? null : caretItem.id());
        // the workbench asks for the selection when the editor activates: no event to send yet
        selection.showSilently(caretItem);
    }

    // ---- what is at the caret

    private void caretMovedTo(int offset) {
        setCaretItem(itemAt(offset));
    }

    /** The open suggestion at an offset (what A/R/S act on), else the shortest curated mention there. */
    private AnnotationItem itemAt(int offset) {
        List<Suggestion> suggestions = model.openSuggestionsAt(offset);
        if (!suggestions.isEmpty()) {
            return new AnnotationItem.SuggestedMention(corpus, document.id(), suggestions.get(0));
        }
        List<EntityMention> mentions = model.mentionsAt(offset);
        return mentions.isEmpty() ? null : new AnnotationItem.CuratedMention(corpus, document.id(), mentions.get(0));
    }

    private void setCaretItem(AnnotationItem item) {
        caretItem = item;
        curation.clock().focus(item == null ? null : item.id());
        presentation.setCaretItem(item, model);
        publishSelection();
        if (!deciding) {
            presentation.flushRepaint();
        }
    }

    /**
     * Tells the workbench (the Annotation view) what is at the caret once the caret rests: each
     * selection event re-evaluates the workbench's handler and menu expressions, which would
     * otherwise cost every key; keys in quick succession publish once.
     */
    private void publishSelection() {
        if (selectionPending) {
            return;
        }
        selectionPending = true;
        text.getDisplay().timerExec(SELECTION_DELAY_MS, () -> {
            selectionPending = false;
            if (!text.isDisposed()) {
                if (decidedSincePublished) {
                    selection.showAgain(caretItem);
                } else {
                    selection.show(caretItem);
                }
                decidedSincePublished = false;
            }
        });
    }

    /** Puts the caret on an item (its start) and makes it the one the next key acts on. */
    private void moveCaretTo(AnnotationItem item, int offset) {
        movingCaret = true;
        try {
            text.setSelection(offset);
            text.showSelection();
        } finally {
            movingCaret = false;
        }
        setCaretItem(item);
    }

    /** The mention, suggestion or relation the next key acts on, or null. */
    public AnnotationItem caretItem() {
        return caretItem;
    }

    // ---- decisions (called by the command handlers)

    /** Digit key {@code n} (1-based): labels the selection, or retypes / accepts as that type at the caret. */
    public void labelWithTypeNumber(int n, String uiLocation) {
        List<String> types = keyedTypes();
        if (n < 1 || n > types.size()) {
            report(NLS.bind(Messages.DocumentEditor_noTypeForKey, new Object[] {n, corpus, types.size()}));
            return;
        }
        applyType(types.get(n - 1), uiLocation);
    }

    /** Opens the type chooser for the selection or the item at the caret. */
    public TypeChooser chooseType(String uiLocation) {
        return openChooser(Messages.DocumentEditor_entityTypeChooser, keyedTypes(), this::entityName, type -> applyType(type, uiLocation));
    }

    private void applyType(String type, String uiLocation) {
        Point sel = text.getSelection();
        decide(() -> {
            if (sel.y > sel.x) {
                EntityMention created = curation.label(sel.x, sel.y, type, uiLocation);
                refresh();
                moveCaretTo(new AnnotationItem.CuratedMention(corpus, document.id(), created), created.start());
            } else if (caretItem instanceof AnnotationItem.CuratedMention c) {
                EntityMention after = curation.retype(c.mention(), type, uiLocation);
                refresh();
                moveCaretTo(new AnnotationItem.CuratedMention(corpus, document.id(), after), after.start());
            } else if (caretItem instanceof AnnotationItem.SuggestedMention s) {
                Suggestion retyped = new Suggestion(new EntityMention(s.suggestion().id(), type, s.suggestion().mention().spans(),
                        s.suggestion().mention().normalizations()), s.suggestion().provenance(), s.suggestion().score());
                curation.accept(retyped, uiLocation);
                refresh();
                jumpToNextSuggestion(new AnnotationItem.SuggestedMention(corpus, document.id(), s.suggestion()));
            } else {
                report(Messages.DocumentEditor_nothingToLabel);
            }
        });
    }

    /** Accepts the suggestion at the caret and moves to the next open one. */
    public void acceptAtCaret(String uiLocation) {
        decideSuggestionAtCaret(Messages.DocumentEditor_nothingToAccept, true, r -> curation.accept(r, uiLocation), s -> curation.accept(s, uiLocation));
    }

    /** Rejects the suggestion at the caret and moves to the next open one. */
    public void rejectAtCaret(String uiLocation) {
        decideSuggestionAtCaret(Messages.DocumentEditor_nothingToReject, true, r -> curation.reject(r, uiLocation), s -> curation.reject(s, uiLocation));
    }

    /** Passes over the suggestion at the caret (SKIP) and moves to the next open one. */
    public void skipAtCaret(String uiLocation) {
        decideSuggestionAtCaret(Messages.DocumentEditor_nothingToSkip, false, r -> curation.skip(r, uiLocation), s -> curation.skip(s, uiLocation));
    }

    /**
     * One decision on the suggested relation or mention at the caret, then on to the next open
     * suggestion; {@code restyles} when the decision changes what is drawn (a skip does not).
     */
    private void decideSuggestionAtCaret(String nothingThere, boolean restyles, Consumer<RelationSuggestion> onRelation,
            Consumer<Suggestion> onMention) {
        Runnable decision;
        AnnotationItem decided;
        if (caretItem instanceof AnnotationItem.SuggestedRelation r) {
            decision = () -> onRelation.accept(r.suggestion());
            decided = r;
        } else if (caretItem instanceof AnnotationItem.SuggestedMention s) {
            decision = () -> onMention.accept(s.suggestion());
            decided = new AnnotationItem.SuggestedMention(corpus, document.id(), s.suggestion());
        } else {
            report(nothingThere);
            return;
        }
        decide(() -> {
            decision.run();
            if (restyles) {
                refresh();
            }
            jumpToNextSuggestion(decided);
        });
    }

    /** Deletes the relation or mention at the caret; on a suggestion, rejects it. */
    public void deleteAtCaret(String uiLocation) {
        if (caretItem instanceof AnnotationItem.SuggestedMention || caretItem instanceof AnnotationItem.SuggestedRelation) {
            rejectAtCaret(uiLocation);
        } else if (caretItem instanceof AnnotationItem.CuratedRelation r) {
            decide(() -> {
                curation.deleteRelation(r.relation(), uiLocation);
                refresh();
                caretMovedTo(text.getCaretOffset());
            });
        } else if (caretItem instanceof AnnotationItem.CuratedMention c) {
            decide(() -> {
                curation.delete(c.mention(), uiLocation);
                refresh();
                caretMovedTo(text.getCaretOffset());
            });
        } else {
            report(Messages.DocumentEditor_nothingToDelete);
        }
    }

    /** Accepts every open suggestion of a type (one event each); returns how many. */
    public int acceptAllOfType(String type, String uiLocation) {
        return decideInBulk(() -> curation.acceptAllOfType(type, uiLocation));
    }

    /**
     * Opens a chooser of the types open suggestions have, entity types then relation types; the
     * chosen type's suggestions are all accepted.
     */
    public TypeChooser chooseTypeToAcceptAll(String uiLocation) {
        List<String> types = java.util.stream.Stream.concat(model.openSuggestions().stream().map(s -> s.mention().type()),
                model.openRelationSuggestions().stream().map(r -> r.relation().type())).distinct().toList();
        if (types.isEmpty()) {
            report(Messages.DocumentEditor_noOpenSuggestions);
            return null;
        }
        List<String> entityTypes = model.openSuggestions().stream().map(s -> s.mention().type()).toList();
        return openChooser(Messages.DocumentEditor_acceptAllChooser, types,
                t -> entityTypes.contains(t) ? entityName(t) : relationName(t), type -> acceptAllOfType(type, uiLocation));
    }

    /** Accepts every open suggestion scored at least {@code minScore} (one event each); returns how many. */
    public int acceptAllScoredAtLeast(double minScore, String uiLocation) {
        return decideInBulk(() -> curation.acceptAllScoredAtLeast(minScore, uiLocation));
    }

    /** One bulk decision (its events written together), then the editor shows it; returns how many it decided. */
    private int decideInBulk(java.util.function.IntSupplier decision) {
        int[] n = {0};
        decide(() -> {
            n[0] = decision.getAsInt();
            refresh();
            caretMovedTo(text.getCaretOffset());
        });
        return n[0];
    }

    /**
     * Moves the caret to the next (previous) curated mention or open suggestion; past the text's
     * last item, through the open relation suggestions, which come after the text in this order.
     */
    public void moveToItem(boolean forward) {
        List<RelationSuggestion> relations = model.openRelationSuggestions();
        int at = caretItem instanceof AnnotationItem.SuggestedRelation r ? relations.indexOf(r.suggestion()) : -1;
        if (at >= 0 || caretItem instanceof AnnotationItem.SuggestedRelation) {
            int next = forward ? at + 1 : at - 1;
            if (next >= 0 && next < relations.size()) {
                selectRelationSuggestion(relations.get(next).id());
                return;
            }
            if (forward) {
                report(Messages.DocumentEditor_noAnnotationAfter);
                return;
            }
            // back from the first relation suggestion: the text's last item
            Optional<Integer> last = model.nextItemStart(text.getCharCount(), false);
            if (last.isPresent()) {
                placeCaret(last.get());
            } else {
                report(Messages.DocumentEditor_noAnnotationBefore);
            }
            return;
        }
        Optional<Integer> next = model.nextItemStart(text.getCaretOffset(), forward);
        if (next.isEmpty()) {
            if (forward && !relations.isEmpty()) {
                selectRelationSuggestion(relations.get(0).id());
                return;
            }
            report(forward ? Messages.DocumentEditor_noAnnotationAfter : Messages.DocumentEditor_noAnnotationBefore);
            return;
        }
        placeCaret(next.get());
    }

    private void placeCaret(int offset) {
        movingCaret = true;
        try {
            text.setSelection(offset);
            text.showSelection();
        } finally {
            movingCaret = false;
        }
        caretMovedTo(offset);
    }

    /** Marks the mention at the caret as the head of the next relation. */
    public void markRelationHead() {
        EntityMention m = curatedAtCaret();
        if (m == null) {
            report(Messages.DocumentEditor_caretForHead);
            return;
        }
        relationHead = m;
        report(null);
        setStatus(NLS.bind(Messages.DocumentEditor_headMarked, m.coveredText(document.text())));
    }

    /** The mention at the caret becomes the tail of a relation from the marked head: choose its type. */
    public TypeChooser markRelationTail(String uiLocation) {
        EntityMention tail = curatedAtCaret();
        if (relationHead == null || model.mention(relationHead.id()).isEmpty()) {
            report(Messages.DocumentEditor_markHeadFirst);
            return null;
        }
        if (tail == null) {
            report(Messages.DocumentEditor_caretForTail);
            return null;
        }
        EntityMention head = relationHead;
        return chooseRelationType(head, tail, uiLocation);
    }

    /** Opens the relation-type chooser for a relation from {@code head} to {@code tail}. */
    public TypeChooser chooseRelationType(EntityMention head, EntityMention tail, String uiLocation) {
        List<String> types = schema.relationTypes().stream().map(EntityType::name).toList();
        if (types.isEmpty()) {
            report(NLS.bind(Messages.DocumentEditor_noRelationTypes, corpus));
            return null;
        }
        return openChooser(NLS.bind(Messages.DocumentEditor_relationChooser, head.coveredText(document.text()), tail.coveredText(document.text())),
                types, this::relationName,
                type -> decide(() -> {
                    Relation r = curation.relate(type, head, tail, uiLocation);
                    relationHead = null;
                    setStatus(null);
                    refresh();
                    setCaretItem(new AnnotationItem.CuratedRelation(corpus, document.id(), r, false));
                }));
    }

    /** Selects a relation, as a click on its label does. */
    public void selectRelation(String relationId) {
        model.relation(relationId).ifPresent(r -> setCaretItem(
                new AnnotationItem.CuratedRelation(corpus, document.id(), r, model.isConceptLevel(r))));
    }

    /**
     * Puts the caret on an open mention suggestion (scrolling it into view), so that A/R/S decide it:
     * where the queue opens a document.
     *
     * @return false, saying so in the status line, when the document has no such open suggestion
     */
    public boolean selectSuggestion(String suggestionId) {
        Optional<Suggestion> s = model.suggestion(suggestionId).filter(model::isOpen);
        if (s.isEmpty()) {
            report(NLS.bind(Messages.DocumentEditor_noSuchSuggestion, suggestionId, document.id()));
            return false;
        }
        moveCaretTo(new AnnotationItem.SuggestedMention(corpus, document.id(), s.get()), s.get().mention().start());
        return true;
    }

    /**
     * Selects a relation suggestion, as a click on its dashed arc's label does: the caret goes to its
     * head (scrolling it into view) and A/R/S then decide the relation.
     */
    public void selectRelationSuggestion(String suggestionId) {
        model.relationSuggestions().stream().filter(r -> r.id().equals(suggestionId)).findFirst().ifPresentOrElse(r -> {
            AnnotationItem item = new AnnotationItem.SuggestedRelation(corpus, document.id(), r);
            Optional<EntityMention> head = model.suggestedArgument(r.relation().head());
            if (head.isPresent()) {
                moveCaretTo(item, head.get().start());
            } else {
                setCaretItem(item);
            }
        }, () -> report(NLS.bind(Messages.DocumentEditor_noSuchRelationSuggestion, suggestionId, document.id())));
    }

    private void selectArc(RelationArcFigure arc) {
        if (arc.suggestion() != null) {
            // a click keeps the view where it is: only the caret item changes
            setCaretItem(new AnnotationItem.SuggestedRelation(corpus, document.id(), arc.suggestion()));
        } else {
            selectRelation(arc.relation().id());
        }
    }

    public Optional<CorrectionEvent> undo(String uiLocation) {
        return undoOrRedo(true, uiLocation);
    }

    public Optional<CorrectionEvent> redo(String uiLocation) {
        return undoOrRedo(false, uiLocation);
    }

    private Optional<CorrectionEvent> undoOrRedo(boolean undo, String uiLocation) {
        List<Optional<CorrectionEvent>> out = new ArrayList<>(List.of(Optional.empty()));
        decide(() -> {
            out.set(0, undo ? curation.undo(uiLocation) : curation.redo(uiLocation));
            if (out.get(0).isEmpty()) {
                report(undo ? Messages.DocumentEditor_nothingToUndo : Messages.DocumentEditor_nothingToRedo);
            }
            refresh();
            caretMovedTo(text.getCaretOffset());
        });
        return out.get(0);
    }

    private EntityMention curatedAtCaret() {
        if (caretItem instanceof AnnotationItem.CuratedMention c) {
            return c.mention();
        }
        List<EntityMention> at = model.mentionsAt(text.getCaretOffset());
        return at.isEmpty() ? null : at.get(0);
    }

    /**
     * After a decision on {@code after}, puts the caret on the next open suggestion of the cycle: mention
     * suggestions by position, then relation suggestions in the model's order, then around again.
     */
    private void jumpToNextSuggestion(AnnotationItem after) {
        Optional<AnnotationItem> next = new SuggestionCycle(model).after(after);
        if (next.isEmpty()) {
            setStatus(Messages.DocumentEditor_noSuggestionsLeft);
            caretMovedTo(text.getCaretOffset());
        } else if (next.get() instanceof AnnotationItem.SuggestedMention s) {
            moveCaretTo(s, s.suggestion().mention().start());
        } else {
            selectRelationSuggestion(next.get().id());
        }
    }

    /** Runs a decision: the store's own notification of it is not a foreign change; failures are reported. */
    private void decide(Runnable decision) {
        deciding = true;
        decidedSincePublished = true;
        try {
            report(null);
            decision.run();
        } catch (StaleDecisionException e) {
            // someone decided on the document since it was loaded: say who changed what, and show it
            report(e.getMessage());
            deciding = false;
            reload();
        } catch (RuntimeException e) {
            report(e.getMessage());
        } finally {
            deciding = false;
            // the decision's restyled lines and the caret's old and new item, repainted together
            presentation.flushRepaint();
        }
    }

    // ---- showing the model

    /** Restyles what the latest decision changed and repaints. */
    private void refresh() {
        presentation.showChange(model, curation.lastChange());
    }

    /** Reloads both layers (another writer changed the document), keeping the caret and the scroll. */
    public void reload() {
        int caret = text.getCaretOffset();
        int top = text.getTopPixel();
        List<CorrectionEvent> log = store.log().events(corpus, document.id());
        model.setCurated(CurationFold.of(log));
        curation.seen(newestId(log));
        loadSuggestions();
        presentation.showAll(model);
        movingCaret = true;
        try {
            text.setCaretOffset(caret);
            text.setTopPixel(top);
        } finally {
            movingCaret = false;
        }
        caretMovedTo(caret);
    }

    private static long newestId(List<CorrectionEvent> log) {
        return log.isEmpty() ? 0 : log.get(log.size() - 1).id();
    }

    /** The model's three suggestion layers: mentions, relations between them, document labels. */
    private void loadSuggestions() {
        model.setSuggestionLayer(store.suggestions().suggestionLayer(corpus, document.id()));
    }

    private void storeChanged(String changedCorpus, List<String> documentIds) {
        if (!changedCorpus.equals(corpus) || !documentIds.contains(document.id())) {
            return;
        }
        Display display = text == null || text.isDisposed() ? null : text.getDisplay();
        if (display == null || deciding && Display.getCurrent() == display) {
            return;
        }
        display.asyncExec(() -> {
            if (!text.isDisposed()) {
                reload();
            }
        });
    }

    /** The schema's entity types in order (the digit keys), then any type only the document uses. */
    public List<String> keyedTypes() {
        java.util.LinkedHashSet<String> types = new java.util.LinkedHashSet<>(
                schema.entityTypes().stream().map(EntityType::name).toList());
        model.mentions().forEach(m -> types.add(m.type()));
        return new ArrayList<>(types);
    }

    private TypeChooser openChooser(String title, List<String> types, java.util.function.Function<String, String> names,
            Consumer<String> chosen) {
        if (chooser != null) {
            chooser.close();
        }
        Point caret = text.getLocationAtOffset(text.getCaretOffset());
        Point at = text.toDisplay(caret.x, caret.y + text.getLineHeight());
        // as a dialog shell the chooser is outside the annotation context: its digits pick a type, not label text
        chooser = TypeChooser.open(text, at, title, types, names, chosen, shell -> {
            IContextService contexts = getSite().getService(IContextService.class);
            if (contexts != null) {
                contexts.registerShell(shell, IContextService.TYPE_DIALOG);
            }
        });
        return chooser;
    }

    /** An entity type's display name in the UI language (the schema's, else a known corpus's, else its code). */
    public String entityName(String type) {
        return schema.entityTypeName(type, Messages.language());
    }

    /** A relation type's display name in the UI language. */
    public String relationName(String type) {
        return schema.relationTypeName(type, Messages.language());
    }

    /** The type chooser while it is open, else null. */
    public TypeChooser chooser() {
        return chooser != null && chooser.isOpen() ? chooser : null;
    }

    private int offsetAt(int x, int y) {
        return text.getOffsetAtPoint(new Point(x, y));
    }

    private String describeAt(Point point) {
        int offset = offsetAt(point.x, point.y);
        if (offset < 0) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (EntityMention m : model.mentionsAt(offset)) {
            lines.add(MentionDescription.of(m, document.text(), this::entityName));
        }
        for (Suggestion s : model.openSuggestionsAt(offset)) {
            lines.add(MentionDescription.of(s, document.text(), this::entityName));
        }
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    /** Shows why a key did nothing (null clears it) in the status line. */
    private void report(String message) {
        lastMessage = message;
        getEditorSite().getActionBars().getStatusLineManager().setErrorMessage(message);
    }

    private void setStatus(String message) {
        getEditorSite().getActionBars().getStatusLineManager().setMessage(message);
    }

    /** The latest problem reported to the status line, or null. */
    /** Whether what is at the caret still waits to be published to the workbench (tests wait on it). */
    boolean selectionPending() {
        return selectionPending;
    }

    public String lastMessage() {
        return lastMessage;
    }

    /** The document shown, its text and metadata (its annotations are in {@link #model()}). */
    public Document document() {
        return document;
    }

    public String corpus() {
        return corpus;
    }

    /** The label schema of the document's corpus, as read when the editor opened. */
    public LabelSchema schema() {
        return schema;
    }

    public CorpusStore store() {
        return store;
    }

    /** The document's annotations as the editor shows them now. */
    public AnnotationModel model() {
        return model;
    }

    /** The relation arcs of the latest paint. */
    public List<RelationArcFigure> paintedArcs() {
        return presentation.arcs().painted();
    }

    /** The text widget, for keyboard-driven tests. */
    public StyledText textWidget() {
        return text;
    }

    /**
     * Selects chars {@code [start, end)} of the document and scrolls them into view (search hits,
     * the properties view, the queue all land here).
     */
    public void reveal(int start, int end) {
        int length = text.getCharCount();
        int from = Math.max(0, Math.min(start, length));
        int to = Math.max(from, Math.min(end, length));
        text.setSelection(from, to);
        text.showSelection();
    }

    /** The Draw2d legend figure. */
    public EntityTypeLegend legend() {
        return legend;
    }

    /** The canvas the legend is drawn on. */
    public FigureCanvas legendCanvas() {
        return legendCanvas;
    }

    @Override
    public void setFocus() {
        text.setFocus();
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        // every decision is stored as it is made: nothing to save
    }

    @Override
    public void doSaveAs() {
        // every decision is stored as it is made: nothing to save
    }

    @Override
    public boolean isDirty() {
        return false;
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    /** For the tooltip's mention lines. */
    static String normalizations(EntityMention m) {
        return m.normalizations().stream().map(Object::toString).collect(Collectors.joining(", "));
    }
}
