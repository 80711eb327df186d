import { facilitiesScene } from './scenes/facilities.ts'
import { indicatorsScene } from './scenes/indicators.ts'
import { renewalScene } from './scenes/renewal.ts'
import { riversScene } from './scenes/rivers.ts'
import { roadsScene } from './scenes/roads.ts'
import type { WallSceneDefinition } from './scenes/scene-types.ts'

/**
 * Every map scene of the wall, in its default order: the one list to extend. A scene's id is what
 * `?scenes=` names and its title is `wall.scene.<id>` in the i18n messages.
 */
export const WALL_SCENES: readonly WallSceneDefinition<never>[] = [
  roadsScene,
  facilitiesScene,
  renewalScene,
  riversScene,
  indicatorsScene,
] as WallSceneDefinition<never>[]

export const WALL_SCENE_IDS: readonly string[] = WALL_SCENES.map((s) => s.id)

/** The rotation without `?scenes=`: every scene not shown only on request. */
export const WALL_DEFAULT_SCENE_IDS: readonly string[] = WALL_SCENES.filter((s) => !s.onRequest).map((s) => s.id)

export function sceneById(id: string): WallSceneDefinition<never> {
  return WALL_SCENES.find((s) => s.id === id) ?? (WALL_SCENES[0] as WallSceneDefinition<never>)
}
