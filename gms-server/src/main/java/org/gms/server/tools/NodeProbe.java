package org.gms.server.tools;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Prints what a node URL answers, for the launcher on hosts without curl. */
public final class NodeProbe {

    private NodeProbe() {
    }

    public static void main(String[] args) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(args[0]))
                .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
        System.out.print(answer.body());
    }
}
