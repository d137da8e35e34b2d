package org.gms.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/benchmarks.list}, the one list of benchmarks {@code scripts/gms bench} runs: every name maps to a
 * main class of the test sources that prints its result rows, and the quick loads are arguments the mains parse.
 */
class BenchmarkListTest {

    private static final Path LIST = Path.of("..", "scripts", "benchmarks.list");

    private record Entry(String name, String module, String mainClass, String jvmOptions, String quickArguments) {
    }

    @Test
    void should_be_the_list_scripts_gms_reads() throws IOException {
        assertThat(Files.readString(Path.of("..", "scripts", "gms"))).contains("scripts/benchmarks.list");
    }

    @Test
    void should_name_every_benchmark_once_with_a_word() throws IOException {
        List<String> names = entries().stream().map(Entry::name).collect(Collectors.toList());

        assertThat(names).doesNotHaveDuplicates().allMatch(name -> name.matches("[a-z]+"))
                .contains("storage", "push", "services", "jobs", "callback", "chat");
    }

    @Test
    void should_map_every_name_to_a_main_class_of_the_test_sources_that_prints_rows() throws Exception {
        for (Entry entry : entries()) {
            Path source = Path.of("..", entry.module(), "src", "test", "java",
                    entry.mainClass().replace('.', '/') + ".java");
            assertThat(source).as(entry.name()).isRegularFile();
            assertThat(Files.readString(source)).as(entry.name())
                    .contains("public static void main(String[]").contains("BenchRows.print(");
            if (entry.module().equals("gms-server")) {
                Method main = Class.forName(entry.mainClass()).getMethod("main", String[].class);
                assertThat(Modifier.isStatic(main.getModifiers()) && Modifier.isPublic(main.getModifiers()))
                        .as(entry.name()).isTrue();
            }
        }
    }

    @Test
    void should_give_whole_numbers_as_quick_arguments_and_jvm_options_as_options() throws IOException {
        for (Entry entry : entries()) {
            assertThat(entry.quickArguments().split(" ")).as(entry.name()).isNotEmpty()
                    .allMatch(argument -> argument.matches("[0-9]+"));
            assertThat(entry.jvmOptions().split(" ")).as(entry.name()).allMatch(option -> option.startsWith("-"));
        }
    }

    private static List<Entry> entries() throws IOException {
        return Files.readAllLines(LIST).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> {
                    String[] fields = line.split("\\|", -1);
                    assertThat(fields).as(line).hasSize(5);
                    return new Entry(fields[0], fields[1], fields[2], fields[3], fields[4]);
                })
                .collect(Collectors.toList());
    }
}
