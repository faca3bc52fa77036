package org.ebmjava.viz;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An explorable figure: frames computed in advance (one per temperature, schedule, step, ...) and an HTML slider
 * or a row of buttons that switches between them in the browser, with no kernel round trip and no network.
 *
 * <p>IJava has no widget protocol, so the figure is a self-contained HTML fragment: every frame is an
 * {@code <img>} holding a PNG data URI, and a few lines of inline JavaScript show one frame at a time. It works
 * wherever a notebook's HTML output is trusted: JupyterLab and the classic Notebook after the cell has run in the
 * learner's kernel, and the published static site. Where scripts are not run (a saved notebook opened untrusted),
 * the figure shows its initial frame, keeps the control disabled and says how to enable it.
 *
 * <pre>
 * var fig = Explorable.slider("temperature T").title("Boltzmann density of the double well");
 * for (double t : temps) fig.frame(String.format("T = %.2f", t), plotAt(t));
 * html(fig.initial(2).html());
 * </pre>
 *
 * <p>Element ids are unique per kernel process and figure, so several figures (and several notebooks open in one
 * JupyterLab page) do not interfere. The fragment marks its root with {@code class="ebm-explorable"} and the
 * shown frame with {@code data-current}, which the course's browser test uses.
 */
public final class Explorable {
    /** How the learner picks a frame. */
    public enum Control {
        /** A range slider over the frames in order (an ordered parameter such as a temperature). */
        SLIDER,
        /** One button per frame (unordered choices such as cooling schedules). */
        BUTTONS
    }

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String PROCESS = Long.toString(ProcessHandle.current().pid(), 36);

    private final Control control;
    private final String controlLabel;
    private final List<String> labels = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> uris = new ArrayList<>();
    private String title = "";
    private int initial;

    private Explorable(Control control, String controlLabel) {
        this.control = control;
        this.controlLabel = Args.notNull(controlLabel, "controlLabel");
    }

    /**
     * Starts a figure whose frames are picked with a slider.
     *
     * @param controlLabel What the slider sets, e.g. "temperature T".
     * @return An empty figure; add frames with {@link #frame}.
     */
    public static Explorable slider(String controlLabel) {
        return new Explorable(Control.SLIDER, controlLabel);
    }

    /**
     * Starts a figure whose frames are picked with one button each.
     *
     * @param controlLabel What the buttons choose, e.g. "cooling schedule".
     * @return An empty figure; add frames with {@link #frame}.
     */
    public static Explorable buttons(String controlLabel) {
        return new Explorable(Control.BUTTONS, controlLabel);
    }

    /**
     * Sets a title shown above the control.
     *
     * @param text The title; empty for none.
     * @return This figure.
     */
    public Explorable title(String text) {
        this.title = Args.notNull(text, "title");
        return this;
    }

    /**
     * Adds a frame.
     *
     * @param label The value this frame shows, e.g. "T = 2.27" (the slider's read-out or the button's text).
     * @param image The frame, encoded now as PNG. Not modified.
     * @return This figure.
     */
    public Explorable frame(String label, BufferedImage image) {
        return frame(label, image, "");
    }

    /**
     * Adds a frame with a line of text shown under it (e.g. a number the frame's computation produced).
     *
     * @param label The value this frame shows, e.g. "T = 2.27".
     * @param image The frame, encoded now as PNG. Not modified.
     * @param note Text shown under the frame while it is shown; empty for none.
     * @return This figure.
     */
    public Explorable frame(String label, BufferedImage image, String note) {
        Args.notNull(label, "label");
        Args.notNull(note, "note");
        uris.add(ImageIoOps.dataUri(Args.notNull(image, "image (frame " + uris.size() + ")")));
        labels.add(label);
        notes.add(note);
        return this;
    }

    /**
     * Chooses the frame shown first (and the only one shown where scripts do not run).
     *
     * @param index A frame index, 0-based; checked when the HTML is made.
     * @return This figure.
     */
    public Explorable initial(int index) {
        this.initial = index;
        return this;
    }

    /**
     * Returns how many frames the figure has.
     *
     * @return The number of frames added.
     */
    public int size() {
        return uris.size();
    }

    /**
     * Returns the control kind.
     *
     * @return SLIDER or BUTTONS.
     */
    public Control control() {
        return control;
    }

    /**
     * Renders the figure as a self-contained HTML fragment (show it with the notebook's {@code html(...)}).
     *
     * @return The fragment: a root {@code div} with the control, every frame as an {@code img} and an inline script.
     * @throws IllegalStateException If there are no frames or the initial index is out of range.
     */
    public String html() {
        if (uris.isEmpty()) {
            throw new IllegalStateException("an explorable figure needs at least one frame, found 0");
        }
        if (initial < 0 || initial >= uris.size()) {
            throw new IllegalStateException("initial frame must be in 0.." + (uris.size() - 1) + ", found " + initial);
        }
        String id = "ebm-explorable-" + PROCESS + "-" + COUNTER.incrementAndGet();
        StringBuilder b = new StringBuilder(256 + uris.stream().mapToInt(String::length).sum());
        b.append("<div class=\"ebm-explorable\" id=\"").append(id).append("\" data-frames=\"").append(uris.size())
            .append("\" data-current=\"").append(initial).append("\" style=\"font-family:sans-serif;margin:4px 0\">\n");
        if (!title.isEmpty()) {
            b.append("<div style=\"font-weight:bold;margin-bottom:4px\">").append(Html.escape(title)).append("</div>\n");
        }
        b.append("<div class=\"ebm-explorable-control\" style=\"margin-bottom:4px\">");
        if (control == Control.SLIDER) {
            b.append("<label>").append(Html.escape(controlLabel)).append(": <input type=\"range\" min=\"0\" max=\"")
                .append(uris.size() - 1).append("\" step=\"1\" value=\"").append(initial)
                .append("\" disabled style=\"vertical-align:middle;width:260px\" aria-label=\"")
                .append(Html.escape(controlLabel)).append("\"></label> <b class=\"ebm-explorable-value\">")
                .append(Html.escape(labels.get(initial))).append("</b>");
        } else {
            b.append("<span>").append(Html.escape(controlLabel)).append(": </span>");
            for (int i = 0; i < uris.size(); i++) {
                b.append("<button type=\"button\" data-frame=\"").append(i).append("\" disabled")
                    .append(i == initial ? " aria-pressed=\"true\"" : " aria-pressed=\"false\"")
                    .append(" style=\"margin:0 2px\">").append(Html.escape(labels.get(i))).append("</button>");
            }
        }
        b.append("</div>\n<div class=\"ebm-explorable-frames\">");
        for (int i = 0; i < uris.size(); i++) {
            b.append("<img data-frame=\"").append(i).append("\" alt=\"").append(Html.escape(labels.get(i)))
                .append("\" data-note=\"").append(Html.escape(notes.get(i))).append("\" src=\"").append(uris.get(i))
                .append('"').append(i == initial ? "" : " style=\"display:none\"").append(">");
        }
        b.append("</div>\n<div class=\"ebm-explorable-note\" style=\"min-height:1.2em\">")
            .append(Html.escape(notes.get(initial))).append("</div>\n");
        b.append("<div class=\"ebm-explorable-hint\" style=\"font-size:smaller;color:#777\">Showing ")
            .append(Html.escape(labels.get(initial))).append(". The ").append(control == Control.SLIDER ? "slider" : "buttons")
            .append(control == Control.SLIDER ? " needs" : " need").append(" this output to be trusted: run the cell (or trust the notebook) to explore the other ")
            .append(uris.size() - 1).append(" frame(s).</div>\n");
        b.append("<script>\n").append(SCRIPT.replace("@ID@", id)).append("</script>\n</div>\n");
        return b.toString();
    }

    /** The inline script: finds its root by id, enables the control, shows one frame at a time. */
    private static final String SCRIPT = String.join("\n",
        "(function () {",
        "  var root = document.getElementById('@ID@');",
        "  if (!root || root.getAttribute('data-ready') === '1') return;",
        "  root.setAttribute('data-ready', '1');",
        "  var imgs = root.querySelectorAll('.ebm-explorable-frames img[data-frame]');",
        "  var slider = root.querySelector('input[type=range]');",
        "  var buttons = root.querySelectorAll('button[data-frame]');",
        "  var value = root.querySelector('.ebm-explorable-value');",
        "  var note = root.querySelector('.ebm-explorable-note');",
        "  function show(k) {",
        "    for (var i = 0; i < imgs.length; i++) imgs[i].style.display = (i === k) ? '' : 'none';",
        "    for (var j = 0; j < buttons.length; j++) {",
        "      var on = (+buttons[j].getAttribute('data-frame') === k);",
        "      buttons[j].setAttribute('aria-pressed', on ? 'true' : 'false');",
        "      buttons[j].style.fontWeight = on ? 'bold' : 'normal';",
        "    }",
        "    if (value) value.textContent = imgs[k].getAttribute('alt');",
        "    if (note) note.textContent = imgs[k].getAttribute('data-note');",
        "    root.setAttribute('data-current', String(k));",
        "  }",
        "  if (slider) {",
        "    slider.disabled = false;",
        "    var onSlide = function () { show(+slider.value); };",
        "    slider.addEventListener('input', onSlide);",
        "    slider.addEventListener('change', onSlide);",
        "  }",
        "  for (var b = 0; b < buttons.length; b++) {",
        "    buttons[b].disabled = false;",
        "    buttons[b].addEventListener('click', function (e) { show(+e.currentTarget.getAttribute('data-frame')); });",
        "  }",
        "  var hint = root.querySelector('.ebm-explorable-hint');",
        "  if (hint) hint.style.display = 'none';",
        "  show(+root.getAttribute('data-current'));",
        "})();",
        "");
}
