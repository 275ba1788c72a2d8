// A run's state alias on the function (markers.ts stateAliasName): created before the run changes anything and
// deleted last. With the marker's original memory it is all a later run needs to put $LATEST back if this process is
// killed (recovery.ts).

import { CreateAliasCommand } from '@aws-sdk/client-lambda';
import type { ControlPlane } from './control-plane.js';
import type { FunctionSnapshot } from './function-config.js';
import { isAlreadyExists } from './target-errors.js';

/** Creates the state alias `name`: at $LATEST, with $LATEST's original Description. */
export async function createStateAlias(api: ControlPlane, snapshot: FunctionSnapshot, name: string): Promise<void> {
  try {
    await api.send(
      'CreateAlias',
      new CreateAliasCommand({
        FunctionName: snapshot.functionArn,
        Name: name,
        FunctionVersion: '$LATEST',
        Description: snapshot.description,
      }),
    );
  } catch (error) {
    // Our own earlier CreateAlias whose answer was lost.
    if (!isAlreadyExists(error)) throw error;
  }
}
