import { main as apiMain } from '../../../server/api/router';
export const main = apiMain;
