package taiyi.workbench.ui.graph;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.Label;
import org.eclipse.draw2d.PolylineConnection;
import org.eclipse.draw2d.SWTGraphics;
import org.eclipse.draw2d.geometry.Point;
import org.eclipse.draw2d.geometry.PointList;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.GraphicalViewer;
import org.eclipse.gef.LayerConstants;
import org.eclipse.gef.editparts.LayerManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;

import taiyi.workbench.curation.graph.EdgeStatus;

/**
 * Saves the graph as drawn: SVG written from the laid-out figures (each concept's disc and name,
 * each edge's line, dashed when suggested, with its arrow and label), and PNG painted from the
 * viewer's layers. Both whole or not at all: a temporary file moved in place.
 */
final class GraphSvgExport {

    /** The largest side of a PNG, in pixels; a larger graph is scaled down to fit. */
    static final int MAX_PNG_SIDE = 8000;

    private final GraphicalViewer viewer;

    GraphSvgExport(GraphicalViewer viewer) {
        this.viewer = viewer;
    }

    private GraphDiagramPart diagramPart() {
        return (GraphDiagramPart) viewer.getContents();
    }

    private IFigure printable() {
        return ((LayerManager) viewer.getEditPartRegistry().get(LayerManager.ID)).getLayer(LayerConstants.PRINTABLE_LAYERS);
    }

    /** The drawing's extent: every node and edge figure, with a margin. */
    private Rectangle extent() {
        Rectangle r = null;
        for (Object child : diagramPart().getChildren()) {
            ConceptNodePart node = (ConceptNodePart) child;
            r = r == null ? node.getFigure().getBounds().getCopy() : r.union(node.getFigure().getBounds());
            for (Object c : node.getSourceConnections()) {
                r.union(((RelationEdgePart) c).getFigure().getBounds());
            }
        }
        return r == null ? new Rectangle(0, 0, 1, 1) : r.expand(10, 10);
    }

    void write(Path file) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".part");
        try {
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                write(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    void write(Writer out) throws IOException {
        Rectangle box = extent();
        try {
            XMLStreamWriter svg = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            svg.writeStartDocument("UTF-8", "1.0");
            svg.writeStartElement("svg");
            svg.writeDefaultNamespace("http://www.w3.org/2000/svg");
            svg.writeAttribute("width", Integer.toString(box.width));
            svg.writeAttribute("height", Integer.toString(box.height));
            svg.writeAttribute("viewBox", box.x + " " + box.y + " " + box.width + " " + box.height);
            svg.writeAttribute("font-family", "sans-serif");
            svg.writeAttribute("font-size", "11");
            svg.writeStartElement("defs");
            svg.writeStartElement("marker");
            svg.writeAttribute("id", "arrow");
            svg.writeAttribute("viewBox", "0 0 10 10");
            svg.writeAttribute("refX", "10");
            svg.writeAttribute("refY", "5");
            svg.writeAttribute("markerWidth", "7");
            svg.writeAttribute("markerHeight", "7");
            svg.writeAttribute("orient", "auto");
            svg.writeEmptyElement("path");
            svg.writeAttribute("d", "M 0 0 L 10 5 L 0 10 z");
            svg.writeEndElement();
            svg.writeEndElement();
            for (Object child : diagramPart().getChildren()) {
                for (Object c : ((ConceptNodePart) child).getSourceConnections()) {
                    edge(svg, (RelationEdgePart) c);
                }
            }
            for (Object child : diagramPart().getChildren()) {
                node(svg, (ConceptNodePart) child);
            }
            svg.writeEndElement();
            svg.writeEndDocument();
            svg.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write SVG: " + e.getMessage(), e);
        }
    }

    private static void edge(XMLStreamWriter svg, RelationEdgePart part) throws XMLStreamException {
        PolylineConnection line = (PolylineConnection) part.getFigure();
        PointList points = line.getPoints();
        svg.writeStartElement("g");
        svg.writeAttribute("class", part.edge().status().name().toLowerCase(Locale.ROOT));
        svg.writeEmptyElement("polyline");
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            Point pt = points.getPoint(i);
            p.append(i == 0 ? "" : " ").append(pt.x).append(',').append(pt.y);
        }
        svg.writeAttribute("points", p.toString());
        svg.writeAttribute("fill", "none");
        svg.writeAttribute("stroke", hex(line.getForegroundColor()));
        if (part.edge().status() == EdgeStatus.SUGGESTED) {
            svg.writeAttribute("stroke-dasharray", "6 4");
        }
        svg.writeAttribute("marker-end", "url(#arrow)");
        for (Object c : line.getChildren()) {
            if (c instanceof Label label) {
                Rectangle b = label.getBounds();
                text(svg, label.getText(), b.x + b.width / 2, b.y + b.height - 3);
            }
        }
        svg.writeStartElement("title");
        svg.writeCharacters(RelationEdgePart.labelOf(part.edge(), false) + " " + part.edge().head() + " -> " + part.edge().tail());
        svg.writeEndElement();
        svg.writeEndElement();
    }

    private static void node(XMLStreamWriter svg, ConceptNodePart part) throws XMLStreamException {
        ConceptFigure f = (ConceptFigure) part.getFigure();
        Rectangle disc = f.disc().getBounds();
        svg.writeStartElement("g");
        svg.writeAttribute("class", "concept");
        svg.writeEmptyElement("ellipse");
        svg.writeAttribute("cx", Integer.toString(disc.x + disc.width / 2));
        svg.writeAttribute("cy", Integer.toString(disc.y + disc.height / 2));
        svg.writeAttribute("rx", Integer.toString(disc.width / 2 - 1));
        svg.writeAttribute("ry", Integer.toString(disc.height / 2 - 1));
        svg.writeAttribute("fill", hex(f.disc().getBackgroundColor()));
        svg.writeAttribute("stroke", hex(f.disc().getForegroundColor()));
        svg.writeAttribute("stroke-width", "2");
        if (f.isDashed()) {
            svg.writeAttribute("stroke-dasharray", "4 3");
        }
        text(svg, part.node().label(), disc.x + disc.width / 2, disc.bottom() + 12);
        svg.writeStartElement("title");
        svg.writeCharacters(part.node().label() + " (" + part.node().type() + ", " + part.node().key() + "), "
                + part.node().mentions() + " mentions");
        svg.writeEndElement();
        svg.writeEndElement();
    }

    private static void text(XMLStreamWriter svg, String text, int x, int y) throws XMLStreamException {
        svg.writeStartElement("text");
        svg.writeAttribute("x", Integer.toString(x));
        svg.writeAttribute("y", Integer.toString(y));
        svg.writeAttribute("text-anchor", "middle");
        svg.writeCharacters(text);
        svg.writeEndElement();
    }

    private static String hex(Color c) {
        return c == null ? "black" : String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    /** Paints the graph's layers into a PNG, scaled down when a side would pass {@link #MAX_PNG_SIDE}. */
    void writePng(Path file) throws IOException {
        Rectangle box = extent();
        double scale = Math.min(1.0, (double) MAX_PNG_SIDE / Math.max(box.width, box.height));
        int width = Math.max(1, (int) Math.ceil(box.width * scale));
        int height = Math.max(1, (int) Math.ceil(box.height * scale));
        org.eclipse.swt.widgets.Display display = viewer.getControl().getDisplay();
        Image image = new Image(display, width, height);
        ImageData data;
        try {
            GC gc = new GC(image);
            SWTGraphics g = new SWTGraphics(gc);
            try {
                g.setBackgroundColor(display.getSystemColor(SWT.COLOR_WHITE));
                g.fillRectangle(0, 0, width, height);
                if (scale < 1.0) {
                    g.scale(scale);
                }
                g.translate(-box.x, -box.y);
                printable().paint(g);
            } finally {
                g.dispose();
                gc.dispose();
            }
            data = image.getImageData();
        } finally {
            image.dispose();
        }
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".part");
        try {
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {data};
            loader.save(tmp.toString(), SWT.IMAGE_PNG);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
