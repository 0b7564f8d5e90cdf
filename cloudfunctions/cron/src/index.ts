import { main as cronMain } from '../../../server/cron/handler';
export const main = cronMain;
