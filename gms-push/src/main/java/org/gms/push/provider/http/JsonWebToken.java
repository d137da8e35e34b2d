package org.gms.push.provider.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/** Signs JSON Web Tokens with the JDK only: RS256 (Google service accounts) and ES256 (APNs .p8 keys). */
public final class JsonWebToken {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private JsonWebToken() {
    }

    public static String rs256(PrivateKey key, Map<String, Object> claims) {
        return sign("RS256", "SHA256withRSA", key, Map.of(), claims);
    }

    /** ES256 with the raw R||S signature JWT requires (the JDK's P1363 format). */
    public static String es256(PrivateKey key, String keyId, Map<String, Object> claims) {
        return sign("ES256", "SHA256withECDSAinP1363Format", key, Map.of("kid", keyId), claims);
    }

    /** A PKCS#8 private key in PEM ({@code -----BEGIN PRIVATE KEY-----}), RSA or EC. */
    public static PrivateKey privateKey(String pem, String algorithm) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(algorithm)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a PKCS#8 " + algorithm + " private key: " + e.getMessage(), e);
        }
    }

    private static String sign(String name, String algorithm, PrivateKey key, Map<String, String> extraHeader,
                               Map<String, Object> claims) {
        try {
            Map<String, Object> header = new java.util.LinkedHashMap<>();
            header.put("alg", name);
            header.put("typ", "JWT");
            header.putAll(extraHeader);
            String signingInput = URL.encodeToString(JSON.writeValueAsBytes(header)) + "."
                    + URL.encodeToString(JSON.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance(algorithm);
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Cannot sign a " + name + " token: " + e.getMessage(), e);
        }
    }
}
