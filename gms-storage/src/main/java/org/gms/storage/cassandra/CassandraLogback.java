package org.gms.storage.cassandra;

import java.nio.file.Path;

/** The embedded node's own logback file: a rolling {@code cassandra.log} in the server's log folder. */
final class CassandraLogback {

    private CassandraLogback() {
    }

    static String render(Path logDir) {
        String file = logDir.resolve("cassandra.log").toString();
        return """
                <configuration scan="false">
                  <appender name="FILE" class="ch.qos.logback.core.rolling.RollingFileAppender">
                    <file>%s</file>
                    <rollingPolicy class="ch.qos.logback.core.rolling.FixedWindowRollingPolicy">
                      <fileNamePattern>%s.%%i.zip</fileNamePattern>
                      <minIndex>1</minIndex>
                      <maxIndex>5</maxIndex>
                    </rollingPolicy>
                    <triggeringPolicy class="ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy">
                      <maxFileSize>20MB</maxFileSize>
                    </triggeringPolicy>
                    <encoder>
                      <pattern>%%-5level [%%thread] %%date{ISO8601} %%F:%%L - %%msg%%n</pattern>
                    </encoder>
                  </appender>
                  <root level="INFO">
                    <appender-ref ref="FILE"/>
                  </root>
                </configuration>
                """.formatted(file, file);
    }
}
