# Varnish in front of ipv-kb: caches the feed and the public pages as their Cache-Control says,
# and takes purges from the site (WAGTAILFRONTENDCACHE's HTTP backend; FRONTEND_CACHE_PURGE_URL).
# A PURGE of a path drops every cached copy of that path, whatever its query string and
# Accept-Language. The tests run this file as it is, with the backend below replaced.
vcl 4.1;

backend default {
    .host = "web";
    .port = "8000";
}

# Who may purge: the site's own processes.
acl purgers {
    "127.0.0.1";
    "::1";
    "localhost";
    "web";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Purging is not allowed from here."));
        }
        ban("obj.http.x-path == " + regsub(req.url, "\?.*$", ""));
        return (synth(200, "Purged."));
    }
}

sub vcl_backend_response {
    # What bans match on: the path without its query string.
    set beresp.http.x-path = regsub(bereq.url, "\?.*$", "");
}

sub vcl_deliver {
    unset resp.http.x-path;
}
