package org.sanaq.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import tech.tablesaw.api.Table;

/**
 * A table of summary.html: inside a container that scrolls sideways (so that no table widens the page past a
 * phone's screen), numbers marked to stay on one line and align right, and the attributes the page's script reads
 * to sort by a column and filter the rows ({@link #SCRIPT}). Without the script it is a plain, complete table.
 */
final class HtmlTable {
    /** A space of any width, no-break ones included (the report's numbers use them). */
    private static final String SPACE = "[\\s\u00a0\u2009\u202f]";
    /**
     * A cell that is a number as the report writes it: digits grouped by commas, spaces or thin spaces, a decimal
     * point or comma, a sign, a percent, a power of ten ({@code 3.20 × 10⁻⁷}, {@code < 10⁻¹⁰}).
     */
    static final Pattern NUMBER = Pattern.compile(("[<>]?S?[-+\u2212]?[\\dS.,]*\\d(S?%|S×S10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)?"
            + "|<S10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+").replace("S", SPACE));

    /**
     * Sorting (a click or Enter on a heading; numbers by value, powers of ten included, text by the page's
     * language) and filtering (a search box the script adds above each table of more than two rows, so that a page
     * without script shows no box that does nothing).
     */
    static final String SCRIPT = """
            (function(){
            var lang=document.documentElement.lang,SUP='⁰¹²³⁴⁵⁶⁷⁸⁹';
            function num(t){
             var s=t.replace(/[\\s\\u00a0\\u2009\\u202f%]/g,'').replace(/\\u2212/g,'-');
             s=lang==='en'?s.replace(/,/g,''):s.replace(',','.');
             s=s.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]/g,function(c){return c==='⁻'?'-':String(SUP.indexOf(c));});
             var m=s.match(/^(<)?(-?\\d*\\.?\\d+)?(?:×10(-?\\d+))?$/);
             if(!m||!(m[2]||m[3]))return NaN;
             var v=(m[2]?parseFloat(m[2]):1)*Math.pow(10,m[3]?+m[3]:0);
             return m[1]?v*0.999:v;
            }
            function cmp(a,b){
             var x=num(a),y=num(b);
             if(!isNaN(x)&&!isNaN(y))return x-y;
             return a.localeCompare(b,lang);
            }
            document.querySelectorAll('table.data').forEach(function(table){
             var body=table.tBodies[0],heads=table.tHead.rows[0].cells;
             Array.prototype.forEach.call(heads,function(th,col){
              th.tabIndex=0;th.title=table.dataset.sort;
              function sort(){
               var down=th.getAttribute('aria-sort')==='ascending';
               Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort');});
               th.setAttribute('aria-sort',down?'descending':'ascending');
               var rows=Array.prototype.slice.call(body.rows);
               rows.sort(function(r,s){var c=cmp(r.cells[col].textContent,s.cells[col].textContent);return down?-c:c;});
               rows.forEach(function(r){body.appendChild(r);});
              }
              th.addEventListener('click',sort);
              th.addEventListener('keydown',function(e){if(e.key==='Enter')sort();});
             });
             if(body.rows.length>2){
              var box=document.createElement('input');
              box.type='search';box.className='filter';box.placeholder=table.dataset.filter;
              box.setAttribute('aria-label',table.dataset.filter);
              box.addEventListener('input',function(){
               var q=box.value.toLowerCase();
               Array.prototype.forEach.call(body.rows,function(r){
                r.hidden=q!==''&&r.textContent.toLowerCase().indexOf(q)<0;});
              });
              var scroll=table.parentNode;scroll.parentNode.insertBefore(box,scroll);
             }
            });
            })();
            """;

    private HtmlTable() {
    }

    /** The table in its scrolling container, sortable and filterable by {@link #SCRIPT}. */
    static void write(StringBuilder html, Wording words, Table table) {
        write(html, words, table, false);
    }

    /**
     * The table, its last row a totals row when {@code lastIsTotal}: that row goes in the table's foot, which
     * {@link #SCRIPT} neither sorts nor filters, so it stays below the rows it sums.
     */
    static void write(StringBuilder html, Wording words, Table table, boolean lastIsTotal) {
        html.append("<div class=\"scroll\">\n<table class=\"data\" data-sort=\"")
                .append(HtmlSummary.escape(words.get("web.sort"))).append("\" data-filter=\"")
                .append(HtmlSummary.escape(words.get("web.filter"))).append("\">\n<thead><tr>");
        for (String name : table.columnNames()) {
            html.append("<th scope=\"col\">").append(HtmlSummary.escape(name)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < table.rowCount(); r++) {
            if (lastIsTotal && r == table.rowCount() - 1) {
                html.append("</tbody>\n<tfoot>\n");
            }
            html.append("<tr>");
            for (int c = 0; c < table.columnCount(); c++) {
                String cell = table.getString(r, c);
                html.append(NUMBER.matcher(cell).matches() ? "<td class=\"num\">" : "<td>")
                        .append(HtmlSummary.escape(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append(lastIsTotal && table.rowCount() > 0 ? "</tfoot>" : "</tbody>").append("\n</table>\n</div>\n");
    }

    /** The relative link to a detail table's CSV in the run folder: {@code tables/<name>.csv}, the name encoded. */
    static String csvHref(String name) {
        return "tables/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20") + ".csv";
    }
}
