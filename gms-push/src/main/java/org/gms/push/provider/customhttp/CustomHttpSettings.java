package org.gms.push.provider.customhttp;

import java.net.URI;
import org.gms.push.config.Channel;

/** The option of a customhttp channel: the URL receiving {@code POST {"deviceId","message"}}. */
public record CustomHttpSettings(URI url) {

    public static CustomHttpSettings from(Channel channel) {
        return new CustomHttpSettings(URI.create(channel.option("customhttp.url")));
    }
}
