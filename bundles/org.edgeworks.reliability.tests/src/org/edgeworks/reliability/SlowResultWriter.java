package org.edgeworks.reliability;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.edgeworks.core.io.AtomicFiles;

/**
 * The child JVM of {@link CrashSafeWriteTest}: writes one result through AtomicFiles, line by
 * line, printing "progress N" after each flushed line so the parent can SIGKILL it mid-write.
 * usage: SlowResultWriter TARGET VERSION LINES PAUSE_MS [plain]. "plain" writes the target directly,
 * without AtomicFiles: the control that shows the kill really lands mid-write.
 */
public final class SlowResultWriter {
    private SlowResultWriter() {}

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        String version = args[1];
        int lines = Integer.parseInt(args[2]);
        long pause = Long.parseLong(args[3]);
        AtomicFiles.Writer writer = tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                for (int i = 0; i < lines; i++) {
                    out.write(CrashSafeWriteTest.line(version, i).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    System.out.println("progress " + i);
                    System.out.flush();
                    if (pause > 0) Thread.sleep(pause);
                }
                out.write(CrashSafeWriteTest.trailer(version, lines).getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        if (args.length > 4 && args[4].equals("plain")) writer.write(target);
        else AtomicFiles.write(target, true, writer);
        System.out.println("done");
    }
}
