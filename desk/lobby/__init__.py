"""The waiting room on the office LAN: the TV's web page, the citizen's phone page, the spoken
call. A Starlette app served by the desk itself (`desk display --web`); every byte it serves
(HTML, CSS, JS, fonts, voice clips) comes from the desk, never from the internet."""
