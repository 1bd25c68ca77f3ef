package org.sanaq.report;

import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * The PDF's bookmarks: an entry per part of the report (page 1, page 2, each check's section, each region's page, the
 * methods, the provenance), each pointing at the place on its page where the part starts; level 1 entries sit under
 * the level 0 entry before them.
 */
final class PdfOutline {
    private record Entry(String title, PDPage page, float top, int level) {
    }

    private final List<Entry> entries = new ArrayList<>();

    void add(String title, PDPage page, float top, int level) {
        entries.add(new Entry(title, page, top, level));
    }

    /** Sets the document's outline to the entries, in the order they were added, the top level open. */
    void write(PDDocument document) {
        PDDocumentOutline outline = new PDDocumentOutline();
        PDOutlineItem parent = null;
        for (Entry entry : entries) {
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle(entry.title());
            PDPageXYZDestination destination = new PDPageXYZDestination();
            destination.setPage(entry.page());
            destination.setTop(Math.round(Math.min(entry.top(), entry.page().getMediaBox().getHeight())));
            item.setDestination(destination);
            if (entry.level() > 0 && parent != null) {
                parent.addLast(item);
            } else {
                outline.addLast(item);
                parent = item;
            }
        }
        outline.openNode();
        document.getDocumentCatalog().setDocumentOutline(outline);
    }
}
