/**
 * The pointer gestures that pick a card up. A mouse or pen lifts it after a
 * few pixels of travel, so a click still opens the card. A finger lifts it
 * only after a still long-press: a swipe across the board scrolls it, as on
 * any phone, instead of dragging the card it started on.
 */
import { PointerSensor, TouchSensor, useSensor, type PointerSensorOptions, type SensorDescriptor, type TouchSensorOptions } from '@dnd-kit/core';
import type { PointerEvent as ReactPointerEvent } from 'react';

/** How long a finger rests on a card before it lifts, and how far it may wander meanwhile (further is a swipe). */
export const LONG_PRESS = { delay: 250, tolerance: 8 } as const;
const MOUSE_DEAD_ZONE = { distance: 6 } as const;

/** dnd-kit's pointer sensor, minus touch: a finger's pointerdown would otherwise claim the card before the touch sensor sees it. */
export class MouseAndPenSensor extends PointerSensor {
  static override activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: ({ nativeEvent: event }: ReactPointerEvent, { onActivation }: PointerSensorOptions): boolean => {
        if (event.pointerType === 'touch' || !event.isPrimary || event.button !== 0) return false;
        onActivation?.({ event });
        return true;
      },
    },
  ];
}

/** The board's mouse/pen and touch sensors, for `useSensors`. */
export function usePointerSensors(): [SensorDescriptor<PointerSensorOptions>, SensorDescriptor<TouchSensorOptions>] {
  return [useSensor<PointerSensorOptions>(MouseAndPenSensor, { activationConstraint: MOUSE_DEAD_ZONE }), useSensor<TouchSensorOptions>(TouchSensor, { activationConstraint: LONG_PRESS })];
}
