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
exports.TAB_LABELS = exports.ACCOUNTS = exports.PASSWORD = void 0;
exports.signIn = signIn;
exports.tabCount = tabCount;
exports.allRows = allRows;
var test_1 = require("@playwright/test");
exports.PASSWORD = 'demo-senha-123';
exports.ACCOUNTS = {
    contact: 'cliente@example.com',
    otherContact: 'outro.cliente@example.com',
    agent: 'agente@example.com',
    otherAgent: 'agente2@example.com',
    admin: 'admin@example.com',
};
/** Signs in through the real form, as a user would. */
function signIn(page_1, email_1) {
    return __awaiter(this, arguments, void 0, function (page, email, password) {
        if (password === void 0) { password = exports.PASSWORD; }
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, page.goto('/entrar')];
                case 1:
                    _a.sent();
                    return [4 /*yield*/, page.getByLabel('E-mail').fill(email)];
                case 2:
                    _a.sent();
                    return [4 /*yield*/, page.getByLabel('Senha').fill(password)];
                case 3:
                    _a.sent();
                    return [4 /*yield*/, page.getByRole('button', { name: 'Entrar' }).click()];
                case 4:
                    _a.sent();
                    return [4 /*yield*/, (0, test_1.expect)(page.getByRole('button', { name: 'Sair' })).toBeVisible()];
                case 5:
                    _a.sent();
                    return [2 /*return*/];
            }
        });
    });
}
exports.TAB_LABELS = [
    'Aguardando minha resposta',
    'Aguardando retorno',
    'Resolvidos aguardando minha aprovação',
    'Não avaliados',
    'Todos os chamados',
];
/** The count shown on a tab of the Painel do Cliente. */
function tabCount(page, label) {
    return __awaiter(this, void 0, void 0, function () {
        var tab, _a;
        return __generator(this, function (_b) {
            switch (_b.label) {
                case 0:
                    tab = page.getByRole('tab', { name: new RegExp("^".concat(label)) });
                    return [4 /*yield*/, (0, test_1.expect)(tab.locator('.count')).toHaveText(/^\d+$/)];
                case 1:
                    _b.sent();
                    _a = Number;
                    return [4 /*yield*/, tab.locator('.count').textContent()];
                case 2: return [2 /*return*/, _a.apply(void 0, [_b.sent()])];
            }
        });
    });
}
/** Every row of the selected tab, following "Carregar mais" to the end. */
function allRows(page) {
    return __awaiter(this, void 0, void 0, function () {
        var panel, more, before;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0:
                    panel = page.getByRole('tabpanel');
                    return [4 /*yield*/, (0, test_1.expect)(panel.getByRole('status')).toHaveCount(0)];
                case 1:
                    _a.sent();
                    _a.label = 2;
                case 2:
                    more = panel.getByRole('button', { name: 'Carregar mais' });
                    return [4 /*yield*/, more.isVisible()];
                case 3:
                    if (!(_a.sent()))
                        return [3 /*break*/, 8];
                    return [4 /*yield*/, panel.getByRole('row').count()];
                case 4:
                    before = _a.sent();
                    return [4 /*yield*/, more.click()];
                case 5:
                    _a.sent();
                    return [4 /*yield*/, test_1.expect.poll(function () { return panel.getByRole('row').count(); }).toBeGreaterThan(before)];
                case 6:
                    _a.sent();
                    _a.label = 7;
                case 7: return [3 /*break*/, 2];
                case 8: return [2 /*return*/, panel.locator('tbody tr')];
            }
        });
    });
}
