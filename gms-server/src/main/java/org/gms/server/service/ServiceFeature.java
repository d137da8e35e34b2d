package org.gms.server.service;

import org.gms.server.Feature;
import org.gms.server.ServerContext;

/** The service API with the built-in services, the pattern matcher and the phone-number API. */
public final class ServiceFeature implements Feature {

    @Override
    public void install(ServerContext context) {
        ServiceStorage storage = new ServiceStorage();
        context.onStorageReady(() -> storage.connect(context.storage(), context.clock()));
        AccessResources resources = new AccessResources(context.config(), storage);
        InteractionServices interactions = new InteractionServices(context.config(), storage, resources,
                context.clock());
        ServiceDispatcher dispatcher = new ServiceDispatcher(context.config(), interactions,
                new MatchInteraction(storage, interactions), new CalendarServices(context.clock()));
        context.addServlet("/1/service/*", new ServiceServlet(context.responses(), dispatcher, interactions));
        PatternsServlet patterns = new PatternsServlet(context.responses(), new Patterns(context.config()));
        context.addServlet("/1/patterns/*", patterns);
        context.addServlet("/1/phonenumber", new PhoneNumberServlet(context.responses()));
    }
}
