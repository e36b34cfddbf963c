// The targets of the performance issue, collected as the bench measures them and printed together at the end.
const rows = [];

/** Records one target: what was measured, the goal in words, and whether it is met. */
export function target(name, measured, goal, met) {
  rows.push({ name, measured, goal, met });
}

export function printTargets() {
  console.log('\n| target | measured | goal | met |');
  console.log('|---|---|---|---|');
  for (const { name, measured, goal, met } of rows) console.log(`| ${name} | ${measured} | ${goal} | ${met ? 'met' : 'not met'} |`);
  const missed = rows.filter((row) => !row.met).length;
  console.log(`\n${rows.length - missed} of ${rows.length} targets met`);
}
