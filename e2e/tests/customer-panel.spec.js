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
var playwright_1 = require("@axe-core/playwright");
var test_1 = require("@playwright/test");
var accounts_js_1 = require("../support/accounts.js");
(0, test_1.test)('each tab’s count matches the tickets it lists', function (_a) { return __awaiter(void 0, [_a], void 0, function (_b) {
    var _i, TAB_LABELS_1, label, rows, _c, _d, _e, _f;
    var page = _b.page;
    return __generator(this, function (_g) {
        switch (_g.label) {
            case 0: return [4 /*yield*/, (0, accounts_js_1.signIn)(page, accounts_js_1.ACCOUNTS.contact)];
            case 1:
                _g.sent();
                _i = 0, TAB_LABELS_1 = accounts_js_1.TAB_LABELS;
                _g.label = 2;
            case 2:
                if (!(_i < TAB_LABELS_1.length)) return [3 /*break*/, 10];
                label = TAB_LABELS_1[_i];
                return [4 /*yield*/, page.getByRole('tab', { name: new RegExp("^".concat(label)) }).click()];
            case 3:
                _g.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole('tab', { name: new RegExp("^".concat(label)) })).toHaveAttribute('aria-selected', 'true')];
            case 4:
                _g.sent();
                return [4 /*yield*/, (0, accounts_js_1.allRows)(page)];
            case 5:
                rows = _g.sent();
                _d = test_1.expect;
                return [4 /*yield*/, rows.count()];
            case 6:
                _e = (_c = _d.apply(void 0, [_g.sent(), label])).toBe;
                return [4 /*yield*/, (0, accounts_js_1.tabCount)(page, label)];
            case 7:
                _e.apply(_c, [_g.sent()]);
                _f = test_1.expect;
                return [4 /*yield*/, rows.count()];
            case 8:
                _f.apply(void 0, [_g.sent(), label]).toBeGreaterThan(0);
                _g.label = 9;
            case 9:
                _i++;
                return [3 /*break*/, 2];
            case 10: return [2 /*return*/];
        }
    });
}); });
(0, test_1.test)('tabs are a keyboard-operable tablist', function (_a) { return __awaiter(void 0, [_a], void 0, function (_b) {
    var first;
    var page = _b.page;
    return __generator(this, function (_c) {
        switch (_c.label) {
            case 0: return [4 /*yield*/, (0, accounts_js_1.signIn)(page, accounts_js_1.ACCOUNTS.contact)];
            case 1:
                _c.sent();
                first = page.getByRole('tab', { name: /^Aguardando minha resposta/ });
                return [4 /*yield*/, first.focus()];
            case 2:
                _c.sent();
                return [4 /*yield*/, page.keyboard.press('ArrowRight')];
            case 3:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole('tab', { name: /^Aguardando retorno/ })).toBeFocused()];
            case 4:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole('tab', { name: /^Aguardando retorno/ })).toHaveAttribute('aria-selected', 'true')];
            case 5:
                _c.sent();
                return [4 /*yield*/, page.keyboard.press('End')];
            case 6:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole('tab', { name: /^Todos os chamados/ })).toHaveAttribute('aria-selected', 'true')];
            case 7:
                _c.sent();
                return [2 /*return*/];
        }
    });
}); });
(0, test_1.test)('replying to a ticket awaiting my reply moves it to "Aguardando retorno"', function (_a) { return __awaiter(void 0, [_a], void 0, function (_b) {
    var waitingBefore, returnBefore, link, subject, _c;
    var page = _b.page;
    return __generator(this, function (_d) {
        switch (_d.label) {
            case 0: return [4 /*yield*/, (0, accounts_js_1.signIn)(page, accounts_js_1.ACCOUNTS.contact)];
            case 1:
                _d.sent();
                return [4 /*yield*/, (0, accounts_js_1.tabCount)(page, 'Aguardando minha resposta')];
            case 2:
                waitingBefore = _d.sent();
                return [4 /*yield*/, (0, accounts_js_1.tabCount)(page, 'Aguardando retorno')];
            case 3:
                returnBefore = _d.sent();
                link = page.getByRole('tabpanel').getByRole('link').first();
                return [4 /*yield*/, link.textContent()];
            case 4:
                subject = (_d.sent());
                return [4 /*yield*/, link.click()];
            case 5:
                _d.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole('heading', { level: 1 })).toContainText(subject)];
            case 6:
                _d.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByText('Aguardando cliente')).toBeVisible()];
            case 7:
                _d.sent();
                return [4 /*yield*/, page.getByLabel('Sua mensagem').fill('Reiniciei o roteador e o problema continua.')];
            case 8:
                _d.sent();
                return [4 /*yield*/, page.getByRole('button', { name: 'Responder' }).click()];
            case 9:
                _d.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole('status')).toHaveText('Resposta enviada.')];
            case 10:
                _d.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole('list', { name: 'Conversa' })).toContainText('Reiniciei o roteador e o problema continua.')];
            case 11:
                _d.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.locator('.ticket-header').getByText('Aberto')).toBeVisible()];
            case 12:
                _d.sent();
                return [4 /*yield*/, page.getByRole('link', { name: 'Voltar ao painel' }).click()];
            case 13:
                _d.sent();
                return [4 /*yield*/, test_1.expect.poll(function () { return (0, accounts_js_1.tabCount)(page, 'Aguardando minha resposta'); }).toBe(waitingBefore - 1)];
            case 14:
                _d.sent();
                _c = test_1.expect;
                return [4 /*yield*/, (0, accounts_js_1.tabCount)(page, 'Aguardando retorno')];
            case 15:
                _c.apply(void 0, [_d.sent()]).toBe(returnBefore + 1);
                return [4 /*yield*/, page.getByRole('tab', { name: /^Aguardando retorno/ }).click()];
            case 16:
                _d.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole('tabpanel').getByRole('link').first()).toHaveText(subject)];
            case 17:
                _d.sent();
                return [2 /*return*/];
        }
    });
}); });
(0, test_1.test)('an empty reply gets a clear message and is not sent', function (_a) { return __awaiter(void 0, [_a], void 0, function (_b) {
    var messages, before, _c;
    var page = _b.page;
    return __generator(this, function (_d) {
        switch (_d.label) {
            case 0: return [4 /*yield*/, (0, accounts_js_1.signIn)(page, accounts_js_1.ACCOUNTS.contact)];
            case 1:
                _d.sent();
                return [4 /*yield*/, page.getByRole('tab', { name: /^Aguardando retorno/ }).click()];
            case 2:
                _d.sent();
                return [4 /*yield*/, page.getByRole('tabpanel').getByRole('link').first().click()];
            case 3:
                _d.sent();
                messages = page.getByRole('list', { name: 'Conversa' }).getByRole('listitem');
                return [4 /*yield*/, (0, test_1.expect)(messages.first()).toBeVisible()];
            case 4:
                _d.sent();
                return [4 /*yield*/, messages.count()];
            case 5:
                before = _d.sent();
                return [4 /*yield*/, page.getByRole('button', { name: 'Responder' }).click()];
            case 6:
                _d.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByText('Escreva sua mensagem.')).toBeVisible()];
            case 7:
                _d.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByLabel('Sua mensagem')).toHaveAttribute('aria-invalid', 'true')];
            case 8:
                _d.sent();
                _c = test_1.expect;
                return [4 /*yield*/, messages.count()];
            case 9:
                _c.apply(void 0, [_d.sent()]).toBe(before);
                return [2 /*return*/];
        }
    });
}); });
(0, test_1.test)('the thread never shows internal notes to the customer', function (_a) { return __awaiter(void 0, [_a], void 0, function (_b) {
    var page = _b.page;
    return __generator(this, function (_c) {
        switch (_c.label) {
            case 0: return [4 /*yield*/, (0, accounts_js_1.signIn)(page, accounts_js_1.ACCOUNTS.contact)];
            case 1:
                _c.sent();
                return [4 /*yield*/, page.getByRole('tab', { name: /^Todos os chamados/ }).click()];
            case 2:
                _c.sent();
                return [4 /*yield*/, page.getByRole('tabpanel').getByRole('link').first().click()];
            case 3:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole('list', { name: 'Conversa' })).toBeVisible()];
            case 4:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByText(/Nota interna/)).toHaveCount(0)];
            case 5:
                _c.sent();
                return [2 /*return*/];
        }
    });
}); });
(0, test_1.test)('a contact cannot open another contact’s ticket', function (_a) { return __awaiter(void 0, [_a], void 0, function (_b) {
    var other, href;
    var browser = _b.browser, page = _b.page;
    return __generator(this, function (_c) {
        switch (_c.label) {
            case 0: return [4 /*yield*/, browser.newPage()];
            case 1:
                other = _c.sent();
                return [4 /*yield*/, (0, accounts_js_1.signIn)(other, accounts_js_1.ACCOUNTS.otherContact)];
            case 2:
                _c.sent();
                return [4 /*yield*/, other.getByRole('tab', { name: /^Todos os chamados/ }).click()];
            case 3:
                _c.sent();
                return [4 /*yield*/, other.getByRole('tabpanel').getByRole('link').first().getAttribute('href')];
            case 4:
                href = _c.sent();
                return [4 /*yield*/, other.close()];
            case 5:
                _c.sent();
                return [4 /*yield*/, (0, accounts_js_1.signIn)(page, accounts_js_1.ACCOUNTS.contact)];
            case 6:
                _c.sent();
                return [4 /*yield*/, page.goto(href)];
            case 7:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole('heading', { name: 'Chamado não encontrado.' })).toBeVisible()];
            case 8:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByLabel('Sua mensagem')).toHaveCount(0)];
            case 9:
                _c.sent();
                return [2 /*return*/];
        }
    });
}); });
(0, test_1.test)('the panel has no serious or critical accessibility violations', function (_a) { return __awaiter(void 0, [_a], void 0, function (_b) {
    var results, serious;
    var page = _b.page;
    return __generator(this, function (_c) {
        switch (_c.label) {
            case 0: return [4 /*yield*/, (0, accounts_js_1.signIn)(page, accounts_js_1.ACCOUNTS.contact)];
            case 1:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole('tabpanel').locator('tbody tr').first()).toBeVisible()];
            case 2:
                _c.sent();
                return [4 /*yield*/, new playwright_1.default({ page: page }).analyze()];
            case 3:
                results = _c.sent();
                serious = results.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; });
                (0, test_1.expect)(serious.map(function (v) { return "".concat(v.id, ": ").concat(v.nodes.map(function (n) { return n.target.join(' '); }).join(', ')); })).toEqual([]);
                return [2 /*return*/];
        }
    });
}); });
