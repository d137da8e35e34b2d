package org.gms.core.feature;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServlet;

/** Where a {@link Feature} mounts its servlets under the {@code /genesys} context. */
public interface Routes {

    /** Maps a servlet under {@code /genesys}, e.g. {@code /1/storage/*}. */
    void servlet(String pathSpec, HttpServlet servlet);

    /** Maps a servlet that reads {@code multipart/form-data} bodies within the given limits. */
    void servlet(String pathSpec, HttpServlet servlet, MultipartConfigElement multipart);
}
