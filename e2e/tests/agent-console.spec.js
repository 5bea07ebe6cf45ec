"use strict";
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var __generator = (this && this.__generator) || function (thisArg, body) {
    var _ = { label: 0, sent: function() { if (t[0] & 1) throw t[1]; return t[1]; }, trys: [], ops: [] }, f, y, t, g = Object.create((typeof Iterator === "function" ? Iterator : Object).prototype);
    return g.next = verb(0), g["throw"] = verb(1), g["return"] = verb(2), typeof Symbol === "function" && (g[Symbol.iterator] = function() { return this; }), g;
    function verb(n) { return function (v) { return step([n, v]); }; }
    function step(op) {
        if (f) throw new TypeError("Generator is already executing.");
        while (g && (g = 0, op[0] && (_ = 0)), _) try {
            if (f = 1, y && (t = op[0] & 2 ? y["return"] : op[0] ? y["throw"] || ((t = y["return"]) && t.call(y), 0) : y.next) && !(t = t.call(y, op[1])).done) return t;
            if (y = 0, t) op = [op[0] & 2, t.value];
            switch (op[0]) {
                case 0: case 1: t = op; break;
                case 4: _.label++; return { value: op[1], done: false };
                case 5: _.label++; y = op[1]; op = [0]; continue;
                case 7: op = _.ops.pop(); _.trys.pop(); continue;
                default:
                    if (!(t = _.trys, t = t.length > 0 && t[t.length - 1]) && (op[0] === 6 || op[0] === 2)) { _ = 0; continue; }
                    if (op[0] === 3 && (!t || (op[1] > t[0] && op[1] < t[3]))) { _.label = op[1]; break; }
                    if (op[0] === 6 && _.label < t[1]) { _.label = t[1]; t = op; break; }
                    if (t && _.label < t[2]) { _.label = t[2]; _.ops.push(op); break; }
                    if (t[2]) _.ops.pop();
                    _.trys.pop(); continue;
            }
            op = body.call(thisArg, _);
        } catch (e) { op = [6, e]; y = 0; } finally { f = t = 0; }
        if (op[0] & 5) throw op[1]; return { value: op[0] ? op[1] : void 0, done: true };
    }
};
Object.defineProperty(exports, "__esModule", { value: true });
var test_1 = require("@playwright/test");
var accounts_js_1 = require("../support/accounts.js");
(0, test_1.test)('an agent opens a ticket, writes an internal note and a public reply, and sets its status', function (_a) { return __awaiter(void 0, [_a], void 0, function (_b) {
    var row, ticketUrl, customer, thread;
    var browser = _b.browser, page = _b.page;
    return __generator(this, function (_c) {
        switch (_c.label) {
            case 0: return [4 /*yield*/, (0, accounts_js_1.signIn)(page, accounts_js_1.ACCOUNTS.agent)];
            case 1:
                _c.sent();
                row = page.locator('tbody tr', { hasText: 'Sinal fraco no andar de cima' });
                return [4 /*yield*/, row.getByRole('link').click()];
            case 2:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole('heading', { level: 1 })).toContainText('Sinal fraco no andar de cima')];
            case 3:
                _c.sent();
                ticketUrl = page.url();
                return [4 /*yield*/, page.getByLabel('Nota interna').check()];
            case 4:
                _c.sent();
                return [4 /*yield*/, page.getByLabel('Mensagem', { exact: true }).fill('Checar a potência do sinal na OLT.')];
            case 5:
                _c.sent();
                return [4 /*yield*/, page.getByRole('button', { name: 'Enviar' }).click()];
            case 6:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole('status')).toHaveText('Mensagem registrada.')];
            case 7:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole('list', { name: 'Conversa' })).toContainText('Checar a potência do sinal na OLT.')];
            case 8:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.locator('.ticket-header').getByText('Aberto')).toBeVisible()];
            case 9:
                _c.sent();
                return [4 /*yield*/, page.getByLabel('Resposta pública').check()];
            case 10:
                _c.sent();
                return [4 /*yield*/, page.getByLabel('Mensagem', { exact: true }).fill('Pode medir a velocidade no andar de cima e nos enviar?')];
            case 11:
                _c.sent();
                return [4 /*yield*/, page.getByRole('button', { name: 'Enviar' }).click()];
            case 12:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.locator('.ticket-header').getByText('Aguardando cliente')).toBeVisible()];
            case 13:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole('list').filter({ hasText: 'Situação: Aberto → Aguardando cliente' })).toBeVisible()];
            case 14:
                _c.sent();
                return [4 /*yield*/, page.getByLabel('Situação', { exact: true }).selectOption('pending')];
            case 15:
                _c.sent();
                return [4 /*yield*/, page.getByRole('button', { name: 'Alterar situação' }).click()];
            case 16:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.locator('.ticket-header').getByText('Pendente')).toBeVisible()];
            case 17:
                _c.sent();
                return [4 /*yield*/, browser.newPage()];
            case 18:
                customer = _c.sent();
                return [4 /*yield*/, (0, accounts_js_1.signIn)(customer, accounts_js_1.ACCOUNTS.contact)];
            case 19:
                _c.sent();
                return [4 /*yield*/, customer.goto(ticketUrl.replace('/console/chamados/', '/painel/chamados/'))];
            case 20:
                _c.sent();
                thread = customer.getByRole('list', { name: 'Conversa' });
                return [4 /*yield*/, (0, test_1.expect)(thread).toContainText('Pode medir a velocidade no andar de cima e nos enviar?')];
            case 21:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(thread).not.toContainText('Checar a potência do sinal na OLT.')];
            case 22:
                _c.sent();
                return [4 /*yield*/, customer.close()];
            case 23:
                _c.sent();
                return [2 /*return*/];
        }
    });
}); });
(0, test_1.test)('a contact is sent to their panel when opening the agent console', function (_a) { return __awaiter(void 0, [_a], void 0, function (_b) {
    var page = _b.page;
    return __generator(this, function (_c) {
        switch (_c.label) {
            case 0: return [4 /*yield*/, (0, accounts_js_1.signIn)(page, accounts_js_1.ACCOUNTS.contact)];
            case 1:
                _c.sent();
                return [4 /*yield*/, page.goto('/console')];
            case 2:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page).toHaveURL(/\/painel/)];
            case 3:
                _c.sent();
                return [2 /*return*/];
        }
    });
}); });
