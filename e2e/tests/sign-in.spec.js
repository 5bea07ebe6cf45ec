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
(0, test_1.test)('a contact signs in and lands on the Painel do Cliente', function (_a) { return __awaiter(void 0, [_a], void 0, function (_b) {
    var page = _b.page;
    return __generator(this, function (_c) {
        switch (_c.label) {
            case 0: return [4 /*yield*/, (0, accounts_js_1.signIn)(page, accounts_js_1.ACCOUNTS.contact)];
            case 1:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page).toHaveURL(/\/painel/)];
            case 2:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole('heading', { name: 'Painel do Cliente' })).toBeVisible()];
            case 3:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole('tablist')).toBeVisible()];
            case 4:
                _c.sent();
                return [2 /*return*/];
        }
    });
}); });
var _loop_1 = function (email) {
    (0, test_1.test)("".concat(email, " signs in at the same page and sees the agent home"), function (_a) { return __awaiter(void 0, [_a], void 0, function (_b) {
        var page = _b.page;
        return __generator(this, function (_c) {
            switch (_c.label) {
                case 0: return [4 /*yield*/, (0, accounts_js_1.signIn)(page, email)];
                case 1:
                    _c.sent();
                    return [4 /*yield*/, (0, test_1.expect)(page).toHaveURL(/\/console/)];
                case 2:
                    _c.sent();
                    return [4 /*yield*/, (0, test_1.expect)(page.getByRole('heading', { name: 'Chamados' })).toBeVisible()];
                case 3:
                    _c.sent();
                    return [4 /*yield*/, (0, test_1.expect)(page.locator('tbody tr')).toHaveCount(25)];
                case 4:
                    _c.sent();
                    return [2 /*return*/];
            }
        });
    }); });
};
for (var _i = 0, _a = [accounts_js_1.ACCOUNTS.agent, accounts_js_1.ACCOUNTS.admin]; _i < _a.length; _i++) {
    var email = _a[_i];
    _loop_1(email);
}
(0, test_1.test)('a wrong password gets a clear pt-BR message and no session', function (_a) { return __awaiter(void 0, [_a], void 0, function (_b) {
    var page = _b.page;
    return __generator(this, function (_c) {
        switch (_c.label) {
            case 0: return [4 /*yield*/, page.goto('/entrar')];
            case 1:
                _c.sent();
                return [4 /*yield*/, page.getByLabel('E-mail').fill(accounts_js_1.ACCOUNTS.contact)];
            case 2:
                _c.sent();
                return [4 /*yield*/, page.getByLabel('Senha').fill('senha-errada')];
            case 3:
                _c.sent();
                return [4 /*yield*/, page.getByRole('button', { name: 'Entrar' }).click()];
            case 4:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole('alert')).toHaveText('E-mail ou senha incorretos.')];
            case 5:
                _c.sent();
                return [4 /*yield*/, page.goto('/painel')];
            case 6:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page).toHaveURL(/\/entrar/)];
            case 7:
                _c.sent();
                return [2 /*return*/];
        }
    });
}); });
(0, test_1.test)('signing out ends the session: the panel asks to sign in again', function (_a) { return __awaiter(void 0, [_a], void 0, function (_b) {
    var cookiesBefore, response;
    var page = _b.page;
    return __generator(this, function (_c) {
        switch (_c.label) {
            case 0: return [4 /*yield*/, (0, accounts_js_1.signIn)(page, accounts_js_1.ACCOUNTS.contact)];
            case 1:
                _c.sent();
                return [4 /*yield*/, page.context().cookies()];
            case 2:
                cookiesBefore = _c.sent();
                return [4 /*yield*/, page.getByRole('button', { name: 'Sair' }).click()];
            case 3:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page).toHaveURL(/\/entrar/)];
            case 4:
                _c.sent();
                // Even the old cookie, replayed, no longer opens the panel: the server deleted the session.
                return [4 /*yield*/, page.context().addCookies(cookiesBefore)];
            case 5:
                // Even the old cookie, replayed, no longer opens the panel: the server deleted the session.
                _c.sent();
                return [4 /*yield*/, page.request.get('/api/customer/tickets/counts')];
            case 6:
                response = _c.sent();
                (0, test_1.expect)(response.status()).toBe(401);
                return [4 /*yield*/, page.goto('/painel')];
            case 7:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page).toHaveURL(/\/entrar/)];
            case 8:
                _c.sent();
                return [2 /*return*/];
        }
    });
}); });
(0, test_1.test)('the portal speaks English when chosen', function (_a) { return __awaiter(void 0, [_a], void 0, function (_b) {
    var page = _b.page;
    return __generator(this, function (_c) {
        switch (_c.label) {
            case 0: return [4 /*yield*/, (0, accounts_js_1.signIn)(page, accounts_js_1.ACCOUNTS.contact)];
            case 1:
                _c.sent();
                return [4 /*yield*/, page.getByLabel('Idioma').selectOption('en')];
            case 2:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole('tab', { name: /^Awaiting my reply/ })).toBeVisible()];
            case 3:
                _c.sent();
                return [4 /*yield*/, page.getByLabel('Language').selectOption('pt-BR')];
            case 4:
                _c.sent();
                return [4 /*yield*/, (0, test_1.expect)(page.getByRole('tab', { name: /^Aguardando minha resposta/ })).toBeVisible()];
            case 5:
                _c.sent();
                return [2 /*return*/];
        }
    });
}); });
