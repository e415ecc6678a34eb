package com.arbdesk.sandbox;

import com.arbdesk.core.QrCodes;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/** The sandbox's pages: the payer control panel and the hosted invoice page that stands in for the provider's. */
public final class SandboxPages {
    private SandboxPages() {
    }

    private static SandboxService sandbox(HttpServlet servlet) {
        return (SandboxService) servlet.getServletContext().getAttribute(SandboxService.ATTRIBUTE);
    }

    /** The control panel; its table is drawn by sandbox.js from the control API. */
    @PermitAll
    @WebServlet({"/sandbox/nowpayments/", "/sandbox/nowpayments", "/sandbox"})
    public static class ControlPage extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            if (!req.getRequestURI().endsWith("/sandbox/nowpayments/")) {
                redirect(req, resp, "/sandbox/nowpayments/");
                return;
            }
            render(req, resp, "sandbox/control.jsp");
        }
    }

    /** A coin offered on the invoice page. */
    public record CoinOption(String ticker, String name, String network) {
    }

    /** What the hosted invoice page shows. */
    public record InvoiceView(long id, String price, String description, List<CoinOption> coins, boolean hasPayment,
                              long paymentId, String coin, String network, String address, String amount, String status,
                              String qr, String successUrl, String cancelUrl, String error) {
    }

    /** GET shows the invoice (coin picker, then address, amount and QR); POST picks a coin or simulates the payment. */
    @PermitAll
    @WebServlet("/sandbox/nowpayments/payment/*")
    public static class InvoicePage extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            show(req, resp, null);
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
            long iid = parseId(req.getParameter("iid"));
            try {
                if (req.getParameter("coin") != null) {
                    sandbox(this).payInvoice(iid, req.getParameter("coin"));
                } else if (req.getParameter("payment") != null) {
                    sandbox(this).act(parseId(req.getParameter("payment")), SandboxService.Action.PAY, null);
                }
                redirect(req, resp, "/sandbox/nowpayments/payment/?iid=" + iid);
            } catch (SandboxError e) {
                resp.setStatus(e.status());
                show(req, resp, e.getMessage());
            }
        }

        private void show(HttpServletRequest req, HttpServletResponse resp, String error) throws ServletException, IOException {
            SandboxInvoice inv;
            try {
                inv = sandbox(this).invoice(parseId(req.getParameter("iid")));
            } catch (SandboxError e) {
                resp.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            List<CoinOption> coins = SandboxCoin.ALL.stream()
                    .filter(c -> inv.payCurrency() == null || c.ticker().equals(inv.payCurrency()))
                    .map(c -> new CoinOption(c.ticker(), c.name(), networkLabel(c))).toList();
            String price = SandboxJson.num(inv.priceAmount()).toPlainString() + " " + inv.priceCurrency().toUpperCase(java.util.Locale.ROOT);
            InvoiceView view;
            if (inv.paymentIds().isEmpty()) {
                view = new InvoiceView(inv.id(), price, inv.orderDescription(), coins, false, 0, "", "", "", "", "", "",
                        inv.successUrl(), inv.cancelUrl(), error);
            } else {
                SandboxPayment p = sandbox(this).payment(inv.paymentIds().get(inv.paymentIds().size() - 1));
                synchronized (p) {
                    String amount = SandboxJson.num(p.payAmount).toPlainString();
                    view = new InvoiceView(inv.id(), price, inv.orderDescription(), coins, true, p.id,
                            p.coin.ticker().toUpperCase(java.util.Locale.ROOT), networkLabel(p.coin),
                            p.payAddress, amount, p.status, QrCodes.dataUri(p.payAddress), inv.successUrl(), inv.cancelUrl(), error);
                }
            }
            req.setAttribute("view", view);
            render(req, resp, "sandbox/invoice.jsp");
        }

        private static long parseId(String raw) {
            if (raw == null || !raw.matches("\\d{1,18}")) {
                throw SandboxError.notFound("no such invoice");
            }
            return Long.parseLong(raw);
        }
    }

    /**
     * How payers name a coin's network: TRC20 for a token on Tron (the provider's code is "trx"), ERC20 on
     * Ethereum and so on; a chain's own coin is named by its chain.
     */
    static String networkLabel(SandboxCoin c) {
        boolean token = !c.ticker().equals(c.network());
        return switch (c.network()) {
            case "trx" -> token ? "TRC20" : "Tron";
            case "eth" -> token ? "ERC20" : "Ethereum";
            case "bsc" -> "BEP20 (BSC)";
            case "matic" -> "Polygon";
            case "sol" -> "Solana";
            case "ton" -> "TON";
            case "btc" -> "Bitcoin";
            default -> c.network().toUpperCase(java.util.Locale.ROOT);
        };
    }

    private static void render(HttpServletRequest req, HttpServletResponse resp, String jsp) throws ServletException, IOException {
        resp.setContentType("text/html;charset=UTF-8");
        req.getRequestDispatcher("/WEB-INF/jsp/" + jsp).forward(req, resp);
    }

    /** Post/redirect/get, inside this application (the sandbox keeps its own page plumbing: it is an island). */
    private static void redirect(HttpServletRequest req, HttpServletResponse resp, String path) throws IOException {
        resp.sendRedirect(req.getContextPath() + path);
    }
}
