import { defineModule } from '../../core/module';
import { AvatarEntity } from './avatar.entity';
import { AvatarService } from './avatar.service';

declare module '../../core/module' {
  interface Services {
    avatars: AvatarService;
  }
}

/** Profile pictures, uploaded and served over plain HTTP (http/avatar-routes.ts). */
export const avatarModule = defineModule({
  name: 'avatar',
  entities: [AvatarEntity],
  services: ({ dataSource }) => ({ avatars: new AvatarService(dataSource) }),
});
