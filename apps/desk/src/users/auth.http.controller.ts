import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, LoginThrottlerGuard, Public, TokenIssuer, type AuthPrincipal } from '@bekasi/auth';
import type { LoginResult, UserView } from '@bekasi/desk-client';
import { capabilitiesOf, type Capabilities } from './capabilities';
import { UserDirectory } from './user-directory.service';
import { LoginDto, RefreshDto } from './users.request.dto';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthHttpController {
  constructor(
    private readonly users: UserDirectory,
    private readonly tokens: TokenIssuer,
  ) {}

  @Post('login') @HttpCode(200) @Public() @UseGuards(LoginThrottlerGuard)
  @ApiOperation({ summary: 'Sign in: a 55-second access token and a refresh token; at most LOGIN_RATE_LIMIT attempts a minute per username and client address' })
  login(@Body() body: LoginDto): Promise<LoginResult> {
    return this.users.login(body.username, body.password);
  }

  @Post('refresh') @HttpCode(200) @Public() @UseGuards(LoginThrottlerGuard)
  @ApiOperation({ summary: 'A new access token while the user is still active and unchanged (401 otherwise)' })
  refresh(@Body() body: RefreshDto): Promise<LoginResult> {
    return this.users.refresh(body.refreshToken);
  }

  @Post('logout') @HttpCode(204) @ApiBearerAuth()
  @ApiOperation({ summary: "Ends every session of the caller (desk at once, the other services when the access token ends)" })
  logout(@CurrentUser() user: AuthPrincipal): Promise<void> {
    return this.users.logout(user);
  }

  @Get('jwks') @Public()
  @ApiOperation({ summary: "The public keys that verify access tokens (JWKS, ES256)" })
  jwks() {
    return this.tokens.jwks();
  }

  @Get('me') @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user and what the UI offers them (landing screen, screens)' })
  async me(@CurrentUser() user: AuthPrincipal): Promise<UserView & { capabilities: Capabilities }> {
    return { ...(await this.users.me(user)), capabilities: capabilitiesOf(user.role) };
  }
}
