package org.gms.storage.document;

/** What a stored key holds: text, or a file whose bytes are downloaded separately. */
public sealed interface DocumentValue permits DocumentValue.Text, DocumentValue.File {

    record Text(String value) implements DocumentValue {
    }

    record File(String contentType, String fileName, long size) implements DocumentValue {
    }
}
