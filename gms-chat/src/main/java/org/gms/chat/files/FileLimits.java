package org.gms.chat.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The file-transfer limits of one chat service, from its {@code [chat.<service>]} options merged over {@code [chat]}.
 * The option names are those of the GMS {@code file-client-cfg-get} notice, which reports them to the client together
 * with what the chat used so far.
 *
 * @param maxFileSize      {@code upload-max-file-size}: bytes of one file
 * @param fileTypes        {@code upload-file-types}: the extensions allowed, lower case
 * @param maxFiles         {@code upload-max-files}: files one chat may upload
 * @param maxTotalSize     {@code upload-max-total-size}: bytes of all the files of one chat
 * @param downloadAttempts {@code download-attempts}: downloads of one file by the customer side
 * @param needAgent        {@code upload-need-agent}: whether uploads wait for an agent to join
 * @param deleteFile       {@code delete-file}: who may delete a file
 */
public record FileLimits(long maxFileSize, List<String> fileTypes, int maxFiles, long maxTotalSize,
                         int downloadAttempts, boolean needAgent, DeleteFile deleteFile) {

    public static final String MAX_FILE_SIZE = "upload-max-file-size";
    public static final String FILE_TYPES = "upload-file-types";
    public static final String MAX_FILES = "upload-max-files";
    public static final String MAX_TOTAL_SIZE = "upload-max-total-size";
    public static final String DOWNLOAD_ATTEMPTS = "download-attempts";
    public static final String NEED_AGENT = "upload-need-agent";
    public static final String DELETE_FILE = "delete-file";
    public static final List<String> OPTION_NAMES = List.of(MAX_FILE_SIZE, FILE_TYPES, MAX_FILES, MAX_TOTAL_SIZE,
            DOWNLOAD_ATTEMPTS, NEED_AGENT, DELETE_FILE);

    public static final long DEFAULT_MAX_FILE_SIZE = 10_485_760L;
    public static final List<String> DEFAULT_FILE_TYPES = List.of("jpeg", "jpg", "pdf", "png", "zip", "txt", "gif");
    public static final int DEFAULT_MAX_FILES = 5;
    public static final long DEFAULT_MAX_TOTAL_SIZE = 99_614_720L;
    public static final int DEFAULT_DOWNLOAD_ATTEMPTS = 2;
    public static final boolean DEFAULT_NEED_AGENT = false;
    public static final DeleteFile DEFAULT_DELETE_FILE = DeleteFile.ODD;
    public static final FileLimits DEFAULT = new FileLimits(DEFAULT_MAX_FILE_SIZE, DEFAULT_FILE_TYPES,
            DEFAULT_MAX_FILES, DEFAULT_MAX_TOTAL_SIZE, DEFAULT_DOWNLOAD_ATTEMPTS, DEFAULT_NEED_AGENT,
            DEFAULT_DELETE_FILE);

    /** Who may delete a file of a chat. */
    public enum DeleteFile {
        /** Only the participant who uploaded it. */
        ODD,
        /** Any participant. */
        ANY,
        /** Nobody. */
        NONE;

        /** The value as written in the option and in the notice. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public FileLimits {
        positive(maxFileSize, MAX_FILE_SIZE);
        positive(maxFiles, MAX_FILES);
        positive(maxTotalSize, MAX_TOTAL_SIZE);
        positive(downloadAttempts, DOWNLOAD_ATTEMPTS);
        Objects.requireNonNull(deleteFile, DELETE_FILE);
        fileTypes = fileTypes.stream().map(type -> type.toLowerCase(Locale.ROOT)).distinct().toList();
        if (fileTypes.isEmpty() || fileTypes.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("Wrong value " + fileTypes + " for option [" + FILE_TYPES + "]");
        }
    }

    /**
     * The limits these options set. An option absent or blank takes its default; a value that does not parse takes
     * the default as well, and {@code warnings} receives {@code Wrong value [v] for option [name]} for it.
     */
    public static FileLimits from(Map<String, String> options, Consumer<String> warnings) {
        Reader reader = new Reader(options, warnings);
        return new FileLimits(
                reader.read(MAX_FILE_SIZE, DEFAULT_MAX_FILE_SIZE, FileLimits::positiveLong),
                reader.read(FILE_TYPES, DEFAULT_FILE_TYPES, FileLimits::types),
                reader.read(MAX_FILES, DEFAULT_MAX_FILES, FileLimits::positiveInt),
                reader.read(MAX_TOTAL_SIZE, DEFAULT_MAX_TOTAL_SIZE, FileLimits::positiveLong),
                reader.read(DOWNLOAD_ATTEMPTS, DEFAULT_DOWNLOAD_ATTEMPTS, FileLimits::positiveInt),
                reader.read(NEED_AGENT, DEFAULT_NEED_AGENT, FileLimits::bool),
                reader.read(DELETE_FILE, DEFAULT_DELETE_FILE, FileLimits::deleteFile));
    }

    /** The {@code file-client-cfg-get} notice: the limits, and what the chat used of them so far. */
    public Map<String, String> notice(int usedFiles, long usedTotalBytes, int usedDownloads) {
        Map<String, String> notice = new LinkedHashMap<>();
        notice.put(DOWNLOAD_ATTEMPTS, Integer.toString(downloadAttempts));
        notice.put(MAX_FILES, Integer.toString(maxFiles));
        notice.put(DELETE_FILE, deleteFile.value());
        notice.put(MAX_FILE_SIZE, Long.toString(maxFileSize));
        notice.put("used-" + DOWNLOAD_ATTEMPTS, Integer.toString(usedDownloads));
        notice.put("used-" + MAX_TOTAL_SIZE, Long.toString(usedTotalBytes));
        notice.put(NEED_AGENT, Boolean.toString(needAgent));
        notice.put("used-" + MAX_FILES, Integer.toString(usedFiles));
        notice.put(MAX_TOTAL_SIZE, Long.toString(maxTotalSize));
        notice.put(FILE_TYPES, String.join(":", fileTypes));
        return notice;
    }

    /**
     * Why an upload is refused before any byte is read, as advice for the client; empty when it may proceed.
     *
     * @param declaredSize the size the client announced, -1 when unknown (the stored size is then bounded by
     *                     {@link #maxBytesFor(long)})
     */
    public Optional<String> refuseUpload(String fileName, long declaredSize, int usedFiles, long usedTotalBytes,
                                         boolean agentPresent) {
        if (needAgent && !agentPresent) {
            return Optional.of("Files may be uploaded only once an agent has joined");
        }
        if (usedFiles >= maxFiles) {
            return Optional.of("At most " + maxFiles + " files may be uploaded in one chat");
        }
        String type = extension(fileName);
        if (!fileTypes.contains(type)) {
            return Optional.of("File type [" + type + "] is not allowed; allowed types: "
                    + String.join(", ", fileTypes));
        }
        if (declaredSize > maxFileSize) {
            return Optional.of("The file is larger than " + maxFileSize + " bytes");
        }
        long left = Math.max(0, maxTotalSize - usedTotalBytes);
        if (left == 0 || declaredSize > left) {
            return Optional.of("The files of one chat may hold at most " + maxTotalSize + " bytes; " + left
                    + " bytes are left");
        }
        return Optional.empty();
    }

    /** The most bytes the next file may have: the file size limit, or what is left of the chat's total. */
    public long maxBytesFor(long usedTotalBytes) {
        return Math.min(maxFileSize, Math.max(0, maxTotalSize - usedTotalBytes));
    }

    public boolean mayDelete(int uploaderParticipantId, int requesterParticipantId) {
        return switch (deleteFile) {
            case ODD -> uploaderParticipantId == requesterParticipantId;
            case ANY -> true;
            case NONE -> false;
        };
    }

    /** The lower-case extension of a file name ({@code ""} when none); a path before the name does not count. */
    static String extension(String fileName) {
        String name = fileName == null ? "" : fileName.substring(Math.max(fileName.lastIndexOf('/'),
                fileName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).trim().toLowerCase(Locale.ROOT);
    }

    private static void positive(long value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException("Wrong value [" + value + "] for option [" + name + "]");
        }
    }

    private static Optional<Long> positiveLong(String text) {
        try {
            long value = Long.parseLong(text);
            return value > 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> positiveInt(String text) {
        return positiveLong(text).filter(value -> value <= Integer.MAX_VALUE).map(Long::intValue);
    }

    private static Optional<Boolean> bool(String text) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Optional.of(Boolean.parseBoolean(text));
        }
        return Optional.empty();
    }

    private static Optional<DeleteFile> deleteFile(String text) {
        for (DeleteFile value : DeleteFile.values()) {
            if (value.value().equalsIgnoreCase(text)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** Colon-separated extensions, at least one; a leading dot ({@code .pdf}) is accepted. */
    private static Optional<List<String>> types(String text) {
        List<String> types = new ArrayList<>();
        for (String type : text.split(":")) {
            String trimmed = type.strip();
            trimmed = trimmed.startsWith(".") ? trimmed.substring(1) : trimmed;
            if (!trimmed.isEmpty()) {
                types.add(trimmed.toLowerCase(Locale.ROOT));
            }
        }
        return types.isEmpty() ? Optional.empty() : Optional.of(types);
    }

    /** Reads one option, collecting a warning for each value that does not parse. */
    private record Reader(Map<String, String> options, Consumer<String> warnings) {

        <T> T read(String name, T fallback, Function<String, Optional<T>> parser) {
            String text = options.get(name);
            if (text == null || text.isBlank()) {
                return fallback;
            }
            Optional<T> value = parser.apply(text.strip());
            if (value.isEmpty()) {
                warnings.accept("Wrong value [" + text.strip() + "] for option [" + name + "]");
            }
            return value.orElse(fallback);
        }
    }
}
