package dev.multinode.runtime.report;

import java.util.Locale;

/** The SVG text of a diagram as it is drawn, with the shapes the diagram uses; numbers to one decimal. */
final class Svg {

    private final StringBuilder text = new StringBuilder(64 * 1024);

    /** Appends raw SVG text. */
    Svg append(Object part) {
        text.append(part);
        return this;
    }

    void line(double x1, double y1, double x2, double y2, String css) {
        text.append("<line class=\"").append(css).append("\" x1=\"").append(fmt(x1)).append("\" y1=\"").append(fmt(y1))
                .append("\" x2=\"").append(fmt(x2)).append("\" y2=\"").append(fmt(y2)).append("\"/>");
    }

    void rect(double x, double y, double width, double height, String css, String title) {
        text.append("<rect class=\"").append(css).append("\" x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y))
                .append("\" width=\"").append(fmt(width)).append("\" height=\"").append(fmt(Math.max(0, height))).append('"');
        if (title == null) {
            text.append("/>");
        } else {
            text.append("><title>").append(Html.escape(title)).append("</title></rect>");
        }
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
