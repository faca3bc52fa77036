package org.ebmjava.nb;

import java.util.ArrayList;
import java.util.List;

/** A display sink that records every call, for tests. */
final class RecordingSink implements DisplaySink {
    /** One recorded call: kind is "show" or "replace". */
    static final class Call {
        final String kind;
        final String id;
        final Object value;
        final String mime;

        Call(String kind, String id, Object value, String mime) {
            this.kind = kind;
            this.id = id;
            this.value = value;
            this.mime = mime;
        }
    }

    final List<Call> calls = new ArrayList<>();
    private int next;

    @Override
    public String show(Object value, String mimeType) {
        String id = "sink-" + (++next);
        calls.add(new Call("show", id, value, mimeType));
        return id;
    }

    @Override
    public void replace(String id, Object value, String mimeType) {
        calls.add(new Call("replace", id, value, mimeType));
    }

    long count(String kind) {
        return calls.stream().filter(c -> c.kind.equals(kind)).count();
    }

    Call last() {
        return calls.get(calls.size() - 1);
    }
}
