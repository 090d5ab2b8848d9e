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
exports.AvatarEntity = void 0;
const typeorm_1 = require("typeorm");
const columns_1 = require("../../db/columns");
const account_entity_1 = require("../account/account.entity");
/** The re-encoded avatar image, in the database so every instance can serve it. */
let AvatarEntity = class AvatarEntity {
    accountId;
    account;
    contentType;
    data;
    updatedAt;
};
exports.AvatarEntity = AvatarEntity;
__decorate([
    (0, typeorm_1.PrimaryColumn)({ name: 'account_id', type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], AvatarEntity.prototype, "accountId", void 0);
__decorate([
    (0, typeorm_1.OneToOne)(() => account_entity_1.AccountEntity, { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)({ name: 'account_id', foreignKeyConstraintName: 'fk_avatars_account' }),
    __metadata("design:type", account_entity_1.AccountEntity)
], AvatarEntity.prototype, "account", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'content_type', type: 'varchar', length: 32 }),
    __metadata("design:type", String)
], AvatarEntity.prototype, "contentType", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'blob' }),
    __metadata("design:type", Buffer)
], AvatarEntity.prototype, "data", void 0);
__decorate([
    (0, columns_1.DateColumn)({ name: 'updated_at' }),
    __metadata("design:type", Date)
], AvatarEntity.prototype, "updatedAt", void 0);
exports.AvatarEntity = AvatarEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'avatars' })
], AvatarEntity);
