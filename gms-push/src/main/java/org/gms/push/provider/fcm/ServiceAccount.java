package org.gms.push.provider.fcm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import org.gms.push.provider.http.JsonWebToken;

/**
 * The fields of a Google service-account JSON file that FCM HTTP v1 needs.
 *
 * @param projectId   Firebase project
 * @param clientEmail issuer of the token assertion
 * @param privateKey  signing key
 * @param tokenUri    OAuth 2.0 token endpoint
 */
public record ServiceAccount(String projectId, String clientEmail, PrivateKey privateKey, String tokenUri) {

    public static final String DEFAULT_TOKEN_URI = "https://oauth2.googleapis.com/token";

    public static ServiceAccount read(Path file) {
        try {
            JsonNode json = new ObjectMapper().readTree(Files.readString(file));
            String tokenUri = json.path("token_uri").asText(DEFAULT_TOKEN_URI);
            return new ServiceAccount(required(json, "project_id", file), required(json, "client_email", file),
                    JsonWebToken.privateKey(required(json, "private_key", file), "RSA"),
                    tokenUri.isBlank() ? DEFAULT_TOKEN_URI : tokenUri);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the service account file " + file + ": " + e.getMessage(),
                    e);
        }
    }

    private static String required(JsonNode json, String field, Path file) {
        String value = json.path(field).asText("");
        if (value.isBlank()) {
            throw new IllegalArgumentException("The service account file " + file + " has no " + field);
        }
        return value;
    }
}
