package org.sanaq.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * summary.html at a phone's width, in headless Chromium: in a frame 390 px wide, with every collapsed table opened
 * and the page's own script run, no element outside a table's scrolling container reaches past the right edge and
 * the page does not scroll sideways. Skips when no Chromium is installed (.ci/run installs it, as it does poppler).
 * Chromium's headless window is at least 500 px wide, hence the frame.
 */
class PhoneWidthTest {
    private static final int WIDTH = 390;
    /** Measures the framed page and writes what it found into a {@code <pre id="probe">} of the dumped DOM. */
    private static final String FRAME = """
            <!DOCTYPE html><html><body style="margin:0">
            <iframe id="f" src="summary.html" style="width:%dpx;height:844px;border:0"></iframe>
            <script>
            document.getElementById('f').addEventListener('load',function(){
             var d=this.contentDocument;
             d.querySelectorAll('details').forEach(function(e){e.open=true;});
             var w=d.documentElement.clientWidth,beyond=[];
             d.querySelectorAll('body *').forEach(function(e){
              if(e.parentElement.closest('.scroll'))return;
              var r=e.getBoundingClientRect();
              if(r.width>0&&r.right>w+0.5)beyond.push(e.tagName+'.'+e.className);
             });
             var out=document.createElement('pre');out.id='probe';
             out.textContent='width='+w+' page='+d.documentElement.scrollWidth+' filters='
               +d.querySelectorAll('input.filter').length+' beyond='+beyond.length+' '+beyond.slice(0,5).join(' ');
             document.body.appendChild(out);
            });
            </script></body></html>
            """;
    private static final Pattern PROBE = Pattern.compile("<pre id=\"probe\">width=(\\d+) page=(\\d+) filters=(\\d+) "
            + "beyond=(\\d+)([^<]*)");

    @Test
    void noColumnOrSentenceReachesBeyondA390PixelScreen(@TempDir Path folder) throws Exception {
        Optional<Path> chromium = chromium();
        Assumptions.assumeTrue(chromium.isPresent(), "Chromium not installed");
        ReportWriter.write(folder, WebSummaryTest.contents(), ReportWriterTest.DESCRIBE);
        Files.writeString(folder.resolve("frame.html"), FRAME.formatted(WIDTH));
        Matcher probe = PROBE.matcher(dump(chromium.get(), folder.resolve("frame.html")));
        assertTrue(probe.find(), "the probe ran");
        assertEquals(WIDTH, Integer.parseInt(probe.group(1)), "the page is 390 px wide");
        assertEquals(WIDTH, Integer.parseInt(probe.group(2)), "and does not scroll sideways");
        assertTrue(Integer.parseInt(probe.group(3)) > 5, "the script added the filter boxes");
        assertEquals(0, Integer.parseInt(probe.group(4)), "elements beyond the right edge:" + probe.group(5));
    }

    /** The DOM of the page after its scripts ran, as headless Chromium dumps it. */
    private static String dump(Path chromium, Path page) throws IOException, InterruptedException {
        Path log = Files.createTempFile("chromium", ".log");
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--allow-file-access-from-files", "--window-size=800,900", "--dump-dom",
                page.toUri().toString()).redirectError(log.toFile()).start();
        String dom = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "Chromium finished");
        Files.deleteIfExists(log);
        return dom;
    }

    private static Optional<Path> chromium() {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .flatMap(dir -> List.of("chromium", "chromium-browser").stream().map(n -> Path.of(dir, n)))
                .filter(Files::isExecutable).findFirst();
    }
}
