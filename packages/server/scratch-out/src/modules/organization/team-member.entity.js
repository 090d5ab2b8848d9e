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
exports.TeamMemberEntity = exports.ROLES = void 0;
const typeorm_1 = require("typeorm");
const columns_1 = require("../../db/columns");
const account_entity_1 = require("../account/account.entity");
const organization_entity_1 = require("./organization.entity");
exports.ROLES = ['OWNER', 'ADMIN', 'MANAGER', 'MEMBER', 'VIEWER'];
let TeamMemberEntity = class TeamMemberEntity {
    id;
    organizationId;
    organization;
    accountId;
    account;
    role;
    createdAt;
};
exports.TeamMemberEntity = TeamMemberEntity;
__decorate([
    (0, columns_1.IdColumn)(),
    __metadata("design:type", String)
], TeamMemberEntity.prototype, "id", void 0);
__decorate([
    (0, typeorm_1.Column)({ name: 'organization_id', type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], TeamMemberEntity.prototype, "organizationId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => organization_entity_1.OrganizationEntity, { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)({ name: 'organization_id', foreignKeyConstraintName: 'fk_team_members_organization' }),
    __metadata("design:type", organization_entity_1.OrganizationEntity)
], TeamMemberEntity.prototype, "organization", void 0);
__decorate([
    (0, typeorm_1.Index)('ix_team_members_account'),
    (0, typeorm_1.Column)({ name: 'account_id', type: 'varchar', length: 36 }),
    __metadata("design:type", String)
], TeamMemberEntity.prototype, "accountId", void 0);
__decorate([
    (0, typeorm_1.ManyToOne)(() => account_entity_1.AccountEntity, { onDelete: 'CASCADE' }),
    (0, typeorm_1.JoinColumn)({ name: 'account_id', foreignKeyConstraintName: 'fk_team_members_account' }),
    __metadata("design:type", account_entity_1.AccountEntity)
], TeamMemberEntity.prototype, "account", void 0);
__decorate([
    (0, typeorm_1.Column)({ type: 'varchar', length: 16 }),
    __metadata("design:type", String)
], TeamMemberEntity.prototype, "role", void 0);
__decorate([
    (0, columns_1.DateColumn)({ name: 'created_at' }),
    __metadata("design:type", Date)
], TeamMemberEntity.prototype, "createdAt", void 0);
exports.TeamMemberEntity = TeamMemberEntity = __decorate([
    (0, typeorm_1.Entity)({ name: 'team_members' }),
    (0, typeorm_1.Index)('uq_team_members_org_account', ['organizationId', 'accountId'], { unique: true })
], TeamMemberEntity);
