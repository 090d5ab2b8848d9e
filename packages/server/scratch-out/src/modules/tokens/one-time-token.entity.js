"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.OneTimeTokenEntity = void 0;
const typeorm_1 = require("typeorm");
const columns_1 = require("../../db/columns");
const account_entity_1 = require("../account/account.entity");
/**
 * A single-use secret sent by mail or SMS. Only its hash is stored; redeeming it is a
 * conditional update that must change exactly one row, so parallel redemptions cannot both win.
 */
let OneTimeTokenEntity = class OneTimeTokenEntity {
    id;
    accountId;
    account;
    purpose;
    /** SHA-256 of a link token, or HMAC-SHA-256 (keyed by SECRET_KEY) of a short SMS code. */
    tokenHash;
    /** What the token confirms: the new email address or phone number. */
    payload;
    attempts;
    expiresAt;
    usedAt;
    createdAt;
};
exports.OneTimeTokenEntity = OneTimeTokenEntity;
__decorate([
    (0, columns_1.IdColumn)(),
    __metadata("design:type", String)
], OneTimeTokenEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'account_id', type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], OneTimeTokenEntity.prototype, "accountId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => account_entity_1.AccountEntity, { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)({ name: 'account_id', foreignKeyConstraintName: 'fk_one_time_tokens_account' }),
    __metadata("design:type", account_entity_1.AccountEntity)
], OneTimeTokenEntity.prototype, "account", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 20 }),
    __metadata("design:type", String)
], OneTimeTokenEntity.prototype, "purpose", void 0);
__decorate([
    (0, typeorm_1.Index)('uq_one_time_tokens_token_hash', { unique: true }),
    (0, typeorm_1.Column)({ name: 'token_hash', type: 'varchar', length: 64 }),
    __metadata("design:type", String)
], OneTimeTokenEntity.prototype, "tokenHash", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 254, nullable: true }),
    __metadata("design:type", String)
], OneTimeTokenEntity.prototype, "payload", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'int', default: 0 }),
    __metadata("design:type", Number)
], OneTimeTokenEntity.prototype, "attempts", void 0);
__decorate([
    (0, columns_1.DateColumn)({ name: 'expires_at' }),
    __metadata("design:type", Date)
], OneTimeTokenEntity.prototype, "expiresAt", void 0);
__decorate([
    (0, columns_1.DateColumn)({ name: 'used_at', nullable: true }),
    __metadata("design:type", Date)
], OneTimeTokenEntity.prototype, "usedAt", void 0);
__decorate([
    (0, columns_1.DateColumn)({ name: 'created_at' }),
    __metadata("design:type", Date)
], OneTimeTokenEntity.prototype, "createdAt", void 0);
exports.OneTimeTokenEntity = OneTimeTokenEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'one_time_tokens' }),
    (0, typeorm_1.Index)('ix_one_time_tokens_account_purpose', ['accountId', 'purpose'])
], OneTimeTokenEntity);
