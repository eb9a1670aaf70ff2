"""The planted networks: what a case of each phenomenon looks like in the parties' data.

Each function writes one instance into the deliveries of the parties that would see it and
records the network in the ground truth. The shapes follow how these cases present in practice:

* **sexual** exploitation (police): victims, often foreign, living at one to three addresses,
  sharing phones that recur in many online advertisements; one account of the organiser pays for
  the advertisements and for short hotel stays in different cities.
* **labour** exploitation (Labour Inspectorate): an employment agency employs many workers and
  is also the landlord of the few addresses they live at; wages go to accounts held by the
  organiser, who may or may not be the registered director.
* **smuggling** (KMAR and IND): vans crossing the border again and again with different
  passengers, who later appear at the IND as asylum applicants, written slightly differently.
* **criminal** exploitation (police): minors and young adults forced into crime, tied to a
  handler through phones, addresses and money-mule accounts; both suspect and victim.

Some instances became investigations: the signals are PART_OF a police investigation and the
Public Prosecution Service (OM) delivers its status with the organisers as suspects.
"""

from __future__ import annotations

from collections.abc import Callable

from emm.synth.scenario_criminal import criminal
from emm.synth.scenario_labour import labour
from emm.synth.scenario_sexual import sexual
from emm.synth.scenario_smuggling import smuggling
from emm.synth.world import World

__all__ = ["SCENARIOS", "criminal", "labour", "sexual", "smuggling"]

SCENARIOS: dict[str, Callable[[World, int], None]] = {
    "sexual": sexual,
    "labour": labour,
    "smuggling": smuggling,
    "criminal": criminal,
}
