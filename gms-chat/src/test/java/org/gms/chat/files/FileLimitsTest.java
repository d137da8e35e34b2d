package org.gms.chat.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileLimitsTest {

    private final List<String> warnings = new ArrayList<>();

    private FileLimits limits(Map<String, String> options) {
        return FileLimits.from(options, warnings::add);
    }

    @Test
    void should_give_the_gms_defaults_when_no_option_is_set() {
        FileLimits limits = limits(Map.of(FileLimits.MAX_FILES, " "));

        assertThat(limits).isEqualTo(new FileLimits(10_485_760L, List.of("jpeg", "jpg", "pdf", "png", "zip", "txt",
                "gif"), 5, 99_614_720L, 2, false, FileLimits.DeleteFile.ODD));
        assertThat(limits).isEqualTo(FileLimits.DEFAULT);
        assertThat(warnings).isEmpty();
    }

    @Test
    void should_read_every_option_when_all_are_valid() {
        FileLimits limits = limits(Map.of("upload-max-file-size", "1000", "upload-file-types", " PDF:.Txt::pdf ",
                "upload-max-files", "3", "upload-max-total-size", "2500", "download-attempts", "7",
                "upload-need-agent", "TRUE", "delete-file", "Any"));

        assertThat(limits).isEqualTo(new FileLimits(1000, List.of("pdf", "txt"), 3, 2500, 7, true,
                FileLimits.DeleteFile.ANY));
        assertThat(warnings).isEmpty();
    }

    @Test
    void should_keep_the_default_and_warn_when_a_value_is_wrong() {
        FileLimits limits = limits(Map.of("upload-max-file-size", "0", "upload-file-types", " : ",
                "upload-max-files", "many", "upload-max-total-size", "-5", "download-attempts", "99999999999",
                "upload-need-agent", "yes", "delete-file", "mine"));

        assertThat(limits).isEqualTo(FileLimits.DEFAULT);
        assertThat(warnings).containsExactly("Wrong value [0] for option [upload-max-file-size]",
                "Wrong value [:] for option [upload-file-types]",
                "Wrong value [many] for option [upload-max-files]",
                "Wrong value [-5] for option [upload-max-total-size]",
                "Wrong value [99999999999] for option [download-attempts]",
                "Wrong value [yes] for option [upload-need-agent]",
                "Wrong value [mine] for option [delete-file]");
    }

    @Test
    void should_refuse_a_limit_below_one_when_built_directly() {
        assertThatThrownBy(() -> new FileLimits(0, List.of("pdf"), 5, 10, 2, false, FileLimits.DeleteFile.ODD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[upload-max-file-size]");
        assertThatThrownBy(() -> new FileLimits(1, List.of(), 5, 10, 2, false, FileLimits.DeleteFile.ODD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[upload-file-types]");
    }

    @Test
    void should_name_the_options_of_the_notice_when_listed() {
        assertThat(FileLimits.OPTION_NAMES).containsExactly("upload-max-file-size", "upload-file-types",
                "upload-max-files", "upload-max-total-size", "download-attempts", "upload-need-agent", "delete-file");
    }

    @Test
    void should_report_the_limits_and_the_use_when_the_notice_is_built() {
        assertThat(FileLimits.DEFAULT.notice(2, 4096, 1)).isEqualTo(Map.of(
                "download-attempts", "2",
                "upload-max-files", "5",
                "delete-file", "odd",
                "upload-max-file-size", "10485760",
                "used-download-attempts", "1",
                "used-upload-max-total-size", "4096",
                "upload-need-agent", "false",
                "used-upload-max-files", "2",
                "upload-max-total-size", "99614720",
                "upload-file-types", "jpeg:jpg:pdf:png:zip:txt:gif"));
        assertThat(FileLimits.DEFAULT.notice(0, 0, 0).keySet()).containsExactly("download-attempts",
                "upload-max-files", "delete-file", "upload-max-file-size", "used-download-attempts",
                "used-upload-max-total-size", "upload-need-agent", "used-upload-max-files", "upload-max-total-size",
                "upload-file-types");
    }

    @Test
    void should_accept_an_upload_when_every_limit_holds() {
        assertThat(FileLimits.DEFAULT.refuseUpload("photos/Holiday.JPG", 1000, 4, 0, false)).isEmpty();
        assertThat(FileLimits.DEFAULT.refuseUpload("notes.txt", -1, 0, 0, false)).isEmpty();
    }

    @Test
    void should_refuse_an_upload_when_the_type_is_not_allowed() {
        assertThat(FileLimits.DEFAULT.refuseUpload("setup.exe", 10, 0, 0, true)).contains(
                "File type [exe] is not allowed; allowed types: jpeg, jpg, pdf, png, zip, txt, gif");
        assertThat(FileLimits.DEFAULT.refuseUpload("pdf", 10, 0, 0, true)).contains(
                "File type [] is not allowed; allowed types: jpeg, jpg, pdf, png, zip, txt, gif");
    }

    @Test
    void should_refuse_an_upload_when_the_chat_has_its_files_already() {
        assertThat(FileLimits.DEFAULT.refuseUpload("a.pdf", 10, 5, 50, true))
                .contains("At most 5 files may be uploaded in one chat");
    }

    @Test
    void should_refuse_an_upload_when_the_declared_size_is_over_the_file_limit() {
        assertThat(FileLimits.DEFAULT.refuseUpload("a.pdf", 10_485_761, 0, 0, true))
                .contains("The file is larger than 10485760 bytes");
        assertThat(FileLimits.DEFAULT.refuseUpload("a.pdf", 10_485_760, 0, 0, true)).isEmpty();
    }

    @Test
    void should_refuse_an_upload_when_the_chat_total_would_be_exceeded() {
        FileLimits limits = limits(Map.of("upload-max-total-size", "1000"));

        assertThat(limits.refuseUpload("a.pdf", 401, 1, 600, true))
                .contains("The files of one chat may hold at most 1000 bytes; 400 bytes are left");
        assertThat(limits.refuseUpload("a.pdf", -1, 1, 1000, true))
                .contains("The files of one chat may hold at most 1000 bytes; 0 bytes are left");
        assertThat(limits.refuseUpload("a.pdf", 400, 1, 600, true)).isEmpty();
    }

    @Test
    void should_refuse_an_upload_when_an_agent_is_needed_and_none_joined() {
        FileLimits limits = limits(Map.of("upload-need-agent", "true"));

        assertThat(limits.refuseUpload("a.pdf", 10, 0, 0, false))
                .contains("Files may be uploaded only once an agent has joined");
        assertThat(limits.refuseUpload("a.pdf", 10, 0, 0, true)).isEmpty();
    }

    @Test
    void should_bound_the_next_file_by_the_smaller_of_the_file_and_remaining_total_limits() {
        FileLimits limits = limits(Map.of("upload-max-file-size", "500", "upload-max-total-size", "1200"));

        assertThat(limits.maxBytesFor(0)).isEqualTo(500);
        assertThat(limits.maxBytesFor(1000)).isEqualTo(200);
        assertThat(limits.maxBytesFor(1500)).isZero();
    }

    @Test
    void should_let_participants_delete_as_the_delete_file_option_says() {
        assertThat(FileLimits.DEFAULT.mayDelete(1, 1)).isTrue();
        assertThat(FileLimits.DEFAULT.mayDelete(1, 2)).isFalse();
        assertThat(limits(Map.of("delete-file", "any")).mayDelete(1, 2)).isTrue();
        assertThat(limits(Map.of("delete-file", "none")).mayDelete(1, 1)).isFalse();
    }
}
