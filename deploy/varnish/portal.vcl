# Varnish in front of the portal, purged by tag (docs/caching.md, "Shared caches").
#
# Needs Varnish 7 with the xkey module of varnish-modules (Debian: apt install varnish
# varnish-modules; the official Docker image includes it). Run it on the portal's host:
#   varnishd -a :6081 -f /path/to/portal.vcl -s malloc,256m
# and start the portal with VARNISH_PURGE_URL=http://127.0.0.1:6081/ and a long
# READ_CACHE_SHARED_MAX_AGE (e.g. 86400): every answer carries the tags of what it read (`xkey`),
# and every commit purges exactly the tags it changed before the write is acknowledged.
vcl 4.1;

import xkey;

# The portal, on the same host (npm start listens on 3000).
backend portal {
    .host = "127.0.0.1";
    .port = "3000";
    .connect_timeout = 2s;
    .first_byte_timeout = 60s;
}

# Who may purge: the portal itself. Everyone else gets 403.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "A purge names its tags in xkey-purge"));
        }
        # A hard purge: the next reader gets a fresh answer, never a stale one.
        set req.http.x-purged = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.x-purged));
    }
    # Everything else follows Varnish's built-in rules: GET and HEAD are looked up; a request with
    # a Cookie or Authorization header (a logged-in editor, the admin, a preview) passes to the
    # portal, which decides itself what an identity may see. Answers the portal marks no-store,
    # no-cache or private, and answers that set cookies, are not kept.
}

sub vcl_deliver {
    # The tags are for this cache; clients need neither them nor the CDN spellings.
    unset resp.http.xkey;
    unset resp.http.surrogate-key;
    unset resp.http.cache-tag;
    if (obj.hits > 0) {
        set resp.http.x-shared-cache = "HIT";
    } else {
        set resp.http.x-shared-cache = "MISS";
    }
}
