package org.gms.server.storage;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.gms.core.http.Responses;
import org.gms.storage.document.FileDownload;

/** Sends a stored file (Storage API and service-scoped storage alike). */
public final class FileSender {

    private FileSender() {
    }

    /**
     * The bytes with their stored content type, length and a {@code Content-Disposition} file name (the key when the
     * upload had none); a text key is sent as UTF-8 text. {@link FileDownload#writeTo} fails mid-way only if the file
     * vanished meanwhile, and Jetty then aborts the response rather than send a short body.
     */
    public static void send(HttpServletRequest request, HttpServletResponse response, Responses responses,
                            FileDownload file, String key) throws IOException {
        responses.head(request, response, 200, file.contentType());
        response.setContentLengthLong(file.size());
        if (file.isFile()) {
            response.setHeader("Content-Disposition",
                    StorageUrls.contentDisposition(file.fileName().isEmpty() ? key : file.fileName()));
        }
        file.writeTo(response.getOutputStream());
    }
}
