"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.entities = void 0;
const account_entity_1 = require("../modules/account/account.entity");
const organization_entity_1 = require("../modules/organization/organization.entity");
const team_member_entity_1 = require("../modules/organization/team-member.entity");
const session_entity_1 = require("../modules/session/session.entity");
const one_time_token_entity_1 = require("../modules/tokens/one-time-token.entity");
const avatar_entity_1 = require("../modules/avatar/avatar.entity");
exports.entities = [
    account_entity_1.AccountEntity,
    organization_entity_1.OrganizationEntity,
    team_member_entity_1.TeamMemberEntity,
    session_entity_1.SessionEntity,
    one_time_token_entity_1.OneTimeTokenEntity,
    avatar_entity_1.AvatarEntity,
];
