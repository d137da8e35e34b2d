package org.gms.server.http;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.gms.core.error.ServiceUnavailableException;
import org.gms.core.feature.Feature;
import org.gms.core.feature.Routes;
import org.gms.core.http.ErrorMapper;
import org.gms.core.http.Responses;

/**
 * Mounts a feature's servlets in the {@code /genesys} context, each behind the one readiness rule of the server: while
 * the feature is not started (the server is starting or stopping) its paths answer 503 with the GMS body. Multipart
 * parts too large for memory wait in the server's upload folder and are deleted when their request ends
 * ({@link MultipartCleanup}).
 */
public final class FeatureMount implements Routes {

    private final ServletContextHandler context;
    private final Feature feature;
    private final FilterHolder gate;
    private final FilterHolder cleanup;
    private final Path uploads;

    /** {@code uploads}: the folder of the multipart parts written to disk, whatever the feature asked. */
    public FeatureMount(ServletContextHandler context, Responses responses, Feature feature, Path uploads) {
        this.context = context;
        this.feature = feature;
        this.uploads = uploads;
        this.gate = new FilterHolder(new Gate(feature, responses));
        gate.setName("ready-" + feature.name().replace(' ', '-'));
        this.cleanup = new FilterHolder(new MultipartCleanup());
        cleanup.setName("multipart-cleanup-" + feature.name().replace(' ', '-'));
    }

    @Override
    public void servlet(String pathSpec, HttpServlet servlet) {
        mount(pathSpec, new ServletHolder(servlet));
    }

    @Override
    public void servlet(String pathSpec, HttpServlet servlet, MultipartConfigElement multipart) {
        ServletHolder holder = new ServletHolder(servlet);
        holder.getRegistration().setMultipartConfig(new MultipartConfigElement(uploads.toString(),
                multipart.getMaxFileSize(), multipart.getMaxRequestSize(), multipart.getFileSizeThreshold()));
        mount(pathSpec, holder);
    }

    private void mount(String pathSpec, ServletHolder holder) {
        context.addServlet(holder, pathSpec);
        // first, so that it sees the request end however the filters after it and the servlet answer
        context.addFilter(cleanup, pathSpec, EnumSet.of(DispatcherType.REQUEST));
        context.addFilter(gate, pathSpec, EnumSet.of(DispatcherType.REQUEST));
    }

    @Override
    public String toString() {
        return "routes of " + feature.name();
    }

    /** Lets a request through only while its feature is started. */
    private static final class Gate implements Filter {

        private final Feature feature;
        private final Responses responses;

        Gate(Feature feature, Responses responses) {
            this.feature = feature;
            this.responses = responses;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (feature.isStarted()) {
                chain.doFilter(request, response);
                return;
            }
            responses.error((HttpServletResponse) response, ErrorMapper.body(
                    new ServiceUnavailableException("The " + feature.name() + " is not started")));
        }
    }
}
