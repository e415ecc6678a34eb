package com.arbdesk.core;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** QR codes as SVG (crisp at any size, no image I/O) for addresses and payment URIs. */
public final class QrCodes {
    public static final int MAX_TEXT = 512;

    private QrCodes() {
    }

    public static String svg(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("QR text must be 1 to " + MAX_TEXT + " characters");
        }
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text cannot be encoded as a QR code", e);
        }
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
                + path + "\"/></svg>";
    }

    /** The SVG as a data: URI for an img src (the CSP allows data: images). */
    public static String dataUri(String text) {
        return "data:image/svg+xml;base64," + java.util.Base64.getEncoder()
                .encodeToString(svg(text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
