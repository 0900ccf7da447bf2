/**
 * States formed since 1990 by partition or secession, by Gleditsch–Ward code, with the state whose territory
 * they left. Before independence their violence was recorded under that state: South Sudan's war is in
 * Sudan's record until July 2011. A new state's history reads its predecessor's months, so it is not forecast
 * as a country that was always at peace. Where the violence lay elsewhere in the old state (Estonia and the
 * Caucasus wars of the USSR), the inherited months fade from the windows within a few years.
 */
export const predecessorOf: ReadonlyMap<number, number> = new Map([
  [565, 560], // Namibia ← South Africa
  ...[366, 367, 368, 359, 369, 370, 371, 372, 373, 701, 702, 703, 704, 705].map(
    (gwcode) => [gwcode, 365] as const, // former Soviet republics ← USSR/Russia
  ),
  ...[343, 344, 346, 349, 340, 341].map((gwcode) => [gwcode, 345] as const), // ← Yugoslavia/Serbia and Montenegro
  [316, 315], // Czech Republic ← Czechoslovakia
  [317, 315], // Slovakia ← Czechoslovakia
  [531, 530], // Eritrea ← Ethiopia
  [860, 850], // Timor-Leste ← Indonesia
  [347, 340], // Kosovo ← Serbia
  [626, 625], // South Sudan ← Sudan
]);
