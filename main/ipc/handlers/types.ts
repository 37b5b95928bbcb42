import type { Channel, ParsedReq, Res } from '../contract.ts'

export type Handler<K extends Channel> = (req: ParsedReq<K>) => Res<K> | Promise<Res<K>>
export type HandlerMap<K extends Channel> = { [C in K]: Handler<C> }
